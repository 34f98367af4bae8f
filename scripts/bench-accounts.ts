// npm run bench:accounts — with DATABASE_URL naming a local PostgreSQL server.
// Creates the database touchplan_bench there (dropping an old one), seeds
// 100,000 accounts and times the account list, the re-tier preview, a
// policy change, the CSV export of all accounts and a 10,000-row CSV import
// with the production functions, against the targets from the issue. Exits 1
// if a target is missed. The database is left in place for EXPLAIN ANALYZE;
// the next run drops it.
// The npm script runs tsx with scripts/tsconfig.bench.json, which maps
// `server-only` to an empty module as vitest.config.ts does (the import steps
// are server code that says so), and with --expose-gc for the export's
// memory check.
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { createBenchDatabase, localServerUrl } from './bench/database';
import { measureExport } from './bench/export';
import { measureImport } from './bench/import';
import { measureAccountList } from './bench/list';
import { printTable, timed, type Result } from './bench/measure';
import { measurePolicyApply, measureRetierPreview } from './bench/retier';
import { seedAccounts } from './bench/seed';

const accountCount = 100_000;

async function main() {
  const server = localServerUrl(process.env.DATABASE_URL);
  const bench = await createBenchDatabase(server);
  try {
    const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(bench.db, sql`select current_setting('server_version') as version`);
    console.log(`PostgreSQL ${version} at ${server.host}, ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    const { ms: seedMs, value: seeded } = await timed(() => seedAccounts(bench.db, accountCount));
    console.log(
      `Seeded ${accountCount.toLocaleString('en')} accounts in ${(seedMs / 1000).toFixed(1)} s: ` +
        `Tier 1 ${seeded.tiers[1] ?? 0}, Tier 2 ${seeded.tiers[2] ?? 0}, Tier 3 ${seeded.tiers[3] ?? 0}; ` +
        `${seeded.csmIds.length} CSMs; ${seeded.overrides} overrides`,
    );

    // One function per measurement (scripts/bench/*.ts), each returning a Result.
    const results: Result[] = [];
    results.push(await measureAccountList(bench.db, seeded.csmIds));
    results.push(await measureRetierPreview(bench.db));
    results.push(await measurePolicyApply(bench.db, seeded.adminId));
    // The export before the import: it then reads exactly the 100,000 seeded accounts.
    results.push(await measureExport(bench.db, seeded.adminId));
    results.push(await measureImport(bench.db, seeded.adminId));

    console.log();
    printTable(results);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
