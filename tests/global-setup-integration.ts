import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { installQueueSchema } from '@/lib/server/jobs/queue';

// Every test file starts from a template prepared once here: migrated, with
// the job queue's schema installed (pg-boss takes ~2.5 s to create it on a
// fresh PGlite). With DATABASE_URL (CI's PostgreSQL run), each file gets its
// own database cloned from a template database, so files run in parallel and
// never see each other's rows. Without it each file opens an in-memory
// PGlite loaded from a dump of a prepared one.
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return preparePgliteTemplate();
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const template = `touchplan_template_${process.pid}`;
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const templateClient = postgres(withDatabase(url, template), { max: 1, onnotice: () => {} });
  await migrate(drizzle(templateClient), { migrationsFolder: 'db/migrations' });
  await templateClient.end();
  await installQueueSchema({ url: withDatabase(url, template) });
  process.env.TOUCHPLAN_TEST_TEMPLATE = template;
  return async () => {
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function preparePgliteTemplate() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const pglite = new PGlite();
  await migrate(drizzle(pglite), { migrationsFolder: 'db/migrations' });
  await installQueueSchema({ pglite });
  const file = path.join(tmpdir(), `touchplan-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await pglite.close();
  process.env.TOUCHPLAN_TEST_PGLITE_TEMPLATE = file;
  return () => rmSync(file, { force: true });
}
