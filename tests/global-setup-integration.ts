import postgres from 'postgres';

// With DATABASE_URL (CI's PostgreSQL run), every test file gets its own
// database cloned from a migrated template, so files run in parallel and
// never see each other's rows. Without it each file opens an in-memory PGlite.
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const template = `touchplan_template_${process.pid}`;
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const templateClient = postgres(withDatabase(url, template), { max: 1, onnotice: () => {} });
  await migrate(drizzle(templateClient), { migrationsFolder: 'db/migrations' });
  await templateClient.end();
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
