import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import { dataDir, databaseUrl, isInMemory } from '@/lib/env';
import { restrictDataDir } from './data-dir-modes';
import { lockDataDir } from './pglite-lock';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

// `pglite` is the embedded database's one connection, for the job queue,
// which speaks to it through pg-boss's own PGlite adapter.
type Handle = { db: Db; pglite?: PGlite; close: () => Promise<void> };

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, appPoolOptions());
  const db = drizzle(client, { schema, casing: 'snake_case' });
  return { db, close: () => client.end({ timeout: 5 }) };
}

/**
 * How the app's pool connects (benchmarks open theirs the same way). JIT is
 * off for its sessions: its queries are short, and a page cut that looks up
 * 10,000 names by index is estimated costly enough for PostgreSQL to spend
 * ~400 ms compiling a plan that runs in ~200 ms. Parallel workers are off
 * too: starting them cost ~50 ms on a count that runs in 5 ms alone, and
 * with many requests at once the cores are busy serving them anyway.
 */
export function appPoolOptions() {
  return { max: Number(process.env.DATABASE_POOL_SIZE || 10), onnotice: () => {}, connection: { jit: 'off', max_parallel_workers_per_gather: '0' } };
}

async function openPglite(): Promise<Handle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let release = () => {};
  let restrict = () => {};
  let client;
  if (isInMemory()) {
    // Tests load a template prepared once (tests/global-setup-integration.ts).
    const template = process.env.TOUCHPLAN_TEST_PGLITE_TEMPLATE;
    client = template ? new PGlite({ loadDataDir: new Blob([readFileSync(template)]) }) : new PGlite();
  } else {
    const dir = path.resolve(/*turbopackIgnore: true*/ dataDir());
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    release = lockDataDir(dir);
    restrict = () => restrictDataDir(dir);
    restrict();
    client = new PGlite(path.join(dir, 'pg'));
  }
  const db = drizzle(client, { schema, casing: 'snake_case' });
  // The embedded database migrates itself; a server is migrated by `npm run db:migrate`.
  await migrate(db, { migrationsFolder });
  restrict(); // what initdb and the migrations just wrote
  return {
    db,
    pglite: client,
    close: async () => {
      await client.close();
      restrict();
      release();
    },
  };
}

// Kept on globalThis so every bundle of the Next server shares one pool (and,
// for PGlite, the one allowed instance).
const store = globalThis as unknown as { __touchplanDb?: Promise<Handle> };

function handle(): Promise<Handle> {
  if (!store.__touchplanDb) {
    const url = databaseUrl();
    store.__touchplanDb = url ? openPostgres(url) : openPglite();
    store.__touchplanDb.catch(() => {
      store.__touchplanDb = undefined;
    });
  }
  return store.__touchplanDb;
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

/** The embedded database's connection, or undefined on a PostgreSQL server. */
export async function getPglite(): Promise<PGlite | undefined> {
  return (await handle()).pglite;
}

export async function closeDb(): Promise<void> {
  const h = store.__touchplanDb;
  store.__touchplanDb = undefined;
  if (h) await (await h).close();
}

/** Rows of a raw SQL query, the same on postgres.js (an array) and PGlite ({ rows }). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
