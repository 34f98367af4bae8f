import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { appPoolOptions, migrationsFolder, type Db } from '@/db/client';
import * as schema from '@/db/schema';

export const benchDatabase = 'touchplan_bench';

/** DATABASE_URL, if it names a server on this machine; the benchmark drops and creates a database there. */
export function localServerUrl(raw: string | undefined): URL {
  if (!raw) throw new Error('Set DATABASE_URL to a local PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('DATABASE_URL is not a URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  }
  const socket = url.searchParams.get('host'); // postgres:///db?host=/run/postgresql
  if (!['localhost', '127.0.0.1', '[::1]', ''].includes(url.hostname) || (socket !== null && !socket.startsWith('/')))
    throw new Error(`Refusing ${socket ?? url.hostname}: the benchmark creates and drops the database ${benchDatabase}, so it runs only against a local server.`);
  // The benchmark database cannot drop itself: administer it from the server's default database.
  if (url.pathname === `/${benchDatabase}`) url.pathname = '/postgres';
  return url;
}

export type BenchDb = { db: Db; close: () => Promise<void> };

/** A fresh, migrated `touchplan_bench` on the server, opened like the app opens PostgreSQL (db/client.ts). */
export async function createBenchDatabase(server: URL): Promise<BenchDb> {
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${benchDatabase} with (force)`);
  await admin.unsafe(`create database ${benchDatabase}`);
  await admin.end();
  return openMigrated(server);
}

/** The `touchplan_bench` an earlier run left on the server, migrated to this checkout's schema; undefined if there is none. */
export async function openBenchDatabase(server: URL): Promise<BenchDb | undefined> {
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  try {
    if ((await admin`select 1 from pg_database where datname = ${benchDatabase}`).length === 0) return undefined;
  } finally {
    await admin.end();
  }
  return openMigrated(server);
}

async function openMigrated(server: URL): Promise<BenchDb> {
  const url = new URL(server);
  url.pathname = `/${benchDatabase}`;
  const migrator = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await migrate(drizzle(migrator), { migrationsFolder });
  await migrator.end();
  const client = postgres(url.toString(), appPoolOptions());
  const db = drizzle(client, { schema, casing: 'snake_case' });
  return { db, close: () => client.end({ timeout: 5 }) };
}

/**
 * A fresh embedded database in a temporary folder, opened as the app opens
 * it (db/client.ts: migrated, one connection); removed on close.
 */
export async function createBenchPglite(): Promise<BenchDb> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  if (process.env.DATABASE_URL) throw new Error('BENCH_DB=pglite runs on the embedded database: unset DATABASE_URL.');
  const dir = mkdtempSync(path.join(tmpdir(), 'touchplan-bench-'));
  process.env.DATA_DIR = dir;
  const { getDb, closeDb } = await import('@/db/client');
  return {
    db: await getDb(),
    close: async () => {
      await closeDb();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
