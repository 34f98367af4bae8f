import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { queryRows, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { hashPassword } from '@/lib/auth/password-hash';
import { seedActivities } from '../activities';
import { benchDatabase, createBenchDatabase } from '../database';
import { accountCount } from '../run';
import { seedAccounts } from '../seed';

export const activityCount = 1_000_000;
export const benchPassword = 'bench-pages-password-2026';

// Who signs in as each role: users the bench seed creates. csm1 owns Tier 1 accounts.
export const benchUsers = {
  admin: 'bench-admin@bench.example',
  manager: 'bench-manager@bench.example',
  csm: 'csm1@bench.example',
} as const;
export type BenchRole = keyof typeof benchUsers;

/** The URL of touchplan_bench on the server. */
export function benchUrl(server: URL): URL {
  const url = new URL(server);
  url.pathname = `/${benchDatabase}`;
  return url;
}

/**
 * touchplan_bench with the benchmark's data (100,000 accounts, 1,000,000
 * activities): reused when it already holds them, else made afresh and
 * seeded as `npm run bench:activities` does (that takes minutes).
 */
export async function ensureBenchData(server: URL): Promise<void> {
  if (await hasBenchData(server)) {
    console.log(`Reusing ${benchDatabase} (${accountCount.toLocaleString('en')} accounts, ${activityCount.toLocaleString('en')} activities).`);
    return;
  }
  console.log(`Creating ${benchDatabase} and seeding ${accountCount.toLocaleString('en')} accounts and ${activityCount.toLocaleString('en')} activities…`);
  const bench = await createBenchDatabase(server);
  try {
    await seedAccounts(bench.db, accountCount);
    await seedActivities(bench.db, activityCount);
  } finally {
    await bench.close();
  }
}

async function hasBenchData(server: URL): Promise<boolean> {
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${benchDatabase}`;
    if (found.length === 0) return false;
  } finally {
    await admin.end();
  }
  return withBenchDb(server, async (db) => {
    const [counts] = await queryRows<{ accounts: number; activities: number }>(
      db,
      sql`select (select count(*) from accounts)::int as accounts, (select count(*) from activities)::int as activities`,
    );
    return counts?.accounts === accountCount && counts.activities === activityCount;
  }).catch(() => false);
}

/** Gives each role's bench user the known password (the seed leaves them unusable). */
export async function preparePlaceholders(server: URL, roles: BenchRole[]): Promise<Record<string, string>> {
  return withBenchDb(server, async (db) => {
    const hash = await hashPassword(benchPassword);
    for (const role of roles) {
      await db.execute(sql`update users set password_hash = ${hash}, active = true where email = ${benchUsers[role]}`);
    }
    // Page placeholders: a Tier N account of the CSM who signs in (every role may read it).
    const tiers = await queryRows<{ tier: number; id: number }>(
      db,
      sql`select distinct on (a.tier) a.tier, a.id from accounts a join users u on u.id = a.owner_id
          where u.email = ${benchUsers.csm} order by a.tier, a.id`,
    );
    return Object.fromEntries(tiers.map((t) => [`:tier${t.tier}`, String(t.id)]));
  });
}

async function withBenchDb<T>(server: URL, work: (db: Db) => Promise<T>): Promise<T> {
  const client = postgres(benchUrl(server).toString(), { max: 1, onnotice: () => {} });
  try {
    return await work(drizzle(client, { schema, casing: 'snake_case' }));
  } finally {
    await client.end();
  }
}
