import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { benchDatabase, createBenchDatabase, createBenchPglite, localServerUrl, openBenchDatabase, type BenchDb } from './database';
import { printTable, timed, type Result } from './measure';
import { readSeeded, seedAccounts, type Seeded } from './seed';

export const accountCount = 100_000;

export type BenchOptions = {
  /**
   * Whether a `touchplan_bench` left by an earlier run may be used as it is
   * (PostgreSQL only): given, and true for that database, its data is kept
   * and the seed skipped. Without it every run starts from a fresh database.
   */
  reuse?: (db: Db) => Promise<boolean>;
};

/**
 * What every benchmark script does: a fresh touchplan_bench on the local
 * server named by DATABASE_URL (or, with BENCH_DB=pglite, a fresh embedded
 * database in a temporary folder), the 100,000 seeded accounts, then `measure`
 * (one Result per target) and the table. Exits 1 if a target is missed; the
 * database is left in place for EXPLAIN ANALYZE.
 */
export function runBench(measure: (db: Db, seeded: Seeded) => Promise<Result[]>, options: BenchOptions = {}): void {
  main(measure, options).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}

async function main(measure: (db: Db, seeded: Seeded) => Promise<Result[]>, options: BenchOptions) {
  const embedded = process.env.BENCH_DB === 'pglite';
  const server = embedded ? null : localServerUrl(process.env.DATABASE_URL);
  const earlier = server && options.reuse ? await reusable(server, options.reuse) : undefined;
  const bench = earlier ?? (server ? await createBenchDatabase(server) : await createBenchPglite());
  try {
    const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(bench.db, sql`select current_setting('server_version') as version`);
    const where = server ? `at ${server.host}` : '(embedded, PGlite)';
    console.log(`PostgreSQL ${version} ${where}, ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    let seeded: Seeded;
    if (earlier) {
      seeded = await readSeeded(bench.db);
      console.log(`Reusing ${benchDatabase} from an earlier run: Tier 1 ${seeded.tiers[1] ?? 0}, Tier 2 ${seeded.tiers[2] ?? 0}, Tier 3 ${seeded.tiers[3] ?? 0}`);
    } else {
      const { ms, value } = await timed(() => seedAccounts(bench.db, accountCount));
      seeded = value;
      console.log(
        `Seeded ${accountCount.toLocaleString('en')} accounts in ${(ms / 1000).toFixed(1)} s: ` +
          `Tier 1 ${seeded.tiers[1] ?? 0}, Tier 2 ${seeded.tiers[2] ?? 0}, Tier 3 ${seeded.tiers[3] ?? 0}; ` +
          `${seeded.csmIds.length} CSMs; ${seeded.overrides} overrides`,
      );
    }
    const results = await measure(bench.db, seeded);
    console.log();
    printTable(results);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

/** The earlier run's database, if it holds the seeded accounts and `reuse` accepts it. */
async function reusable(server: URL, reuse: (db: Db) => Promise<boolean>): Promise<BenchDb | undefined> {
  const bench = await openBenchDatabase(server).catch(() => undefined);
  if (!bench) return undefined;
  const ok = await queryRows<{ n: number }>(bench.db, sql`select count(*)::int as n from accounts`)
    .then(async ([row]) => row?.n === accountCount && (await reuse(bench.db)))
    .catch(() => false);
  if (ok) return bench;
  await bench.close();
  return undefined;
}
