import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { createBenchDatabase, createBenchPglite, localServerUrl } from './database';
import { printTable, timed, type Result } from './measure';
import { seedAccounts, type Seeded } from './seed';

export const accountCount = 100_000;

/**
 * What every benchmark script does: a fresh touchplan_bench on the local
 * server named by DATABASE_URL (or, with BENCH_DB=pglite, a fresh embedded
 * database in a temporary folder), the 100,000 seeded accounts, then `measure`
 * (one Result per target) and the table. Exits 1 if a target is missed; the
 * database is left in place for EXPLAIN ANALYZE.
 */
export function runBench(measure: (db: Db, seeded: Seeded) => Promise<Result[]>): void {
  main(measure).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}

async function main(measure: (db: Db, seeded: Seeded) => Promise<Result[]>) {
  const embedded = process.env.BENCH_DB === 'pglite';
  const server = embedded ? null : localServerUrl(process.env.DATABASE_URL);
  const bench = server ? await createBenchDatabase(server) : await createBenchPglite();
  try {
    const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(bench.db, sql`select current_setting('server_version') as version`);
    const where = server ? `at ${server.host}` : '(embedded, PGlite)';
    console.log(`PostgreSQL ${version} ${where}, ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const { ms, value: seeded } = await timed(() => seedAccounts(bench.db, accountCount));
    console.log(
      `Seeded ${accountCount.toLocaleString('en')} accounts in ${(ms / 1000).toFixed(1)} s: ` +
        `Tier 1 ${seeded.tiers[1] ?? 0}, Tier 2 ${seeded.tiers[2] ?? 0}, Tier 3 ${seeded.tiers[3] ?? 0}; ` +
        `${seeded.csmIds.length} CSMs; ${seeded.overrides} overrides`,
    );
    const results = await measure(bench.db, seeded);
    console.log();
    printTable(results);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}
