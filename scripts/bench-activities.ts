// npm run bench:activities — with DATABASE_URL naming a local PostgreSQL
// server. Creates the database touchplan_bench there (dropping an old one),
// seeds 100,000 accounts and 1,000,000 activities, and times the issue-4
// paths against their targets: a CSM's week view, the team's overdue list,
// and plan-from-playbook for a book of 50 accounts. Exits 1 if a target is
// missed; the database is left in place for EXPLAIN ANALYZE.
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { seedActivities } from './bench/activities';
import { createBenchDatabase, localServerUrl } from './bench/database';
import { printTable, timed, type Result } from './bench/measure';
import { measurePlan, measureTeamOverdue, measureWeekView } from './bench/schedule';
import { seedAccounts } from './bench/seed';

const accountCount = 100_000;
const activityCount = 1_000_000;

async function main() {
  const server = localServerUrl(process.env.DATABASE_URL);
  const bench = await createBenchDatabase(server);
  try {
    const [{ version } = { version: '?' }] = await queryRows<{ version: string }>(bench.db, sql`select current_setting('server_version') as version`);
    console.log(`PostgreSQL ${version} at ${server.host}, ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const { ms: accountsMs, value: seeded } = await timed(() => seedAccounts(bench.db, accountCount));
    console.log(`Seeded ${accountCount.toLocaleString('en')} accounts in ${(accountsMs / 1000).toFixed(1)} s (Tier 1: ${seeded.tiers[1] ?? 0}); ${seeded.csmIds.length} CSMs`);
    const { ms: activitiesMs, value: counts } = await timed(() => seedActivities(bench.db, activityCount));
    console.log(
      `Seeded ${activityCount.toLocaleString('en')} activities in ${(activitiesMs / 1000).toFixed(1)} s: ` +
        `${counts.planned.toLocaleString('en')} planned, of which ${counts.overdue.toLocaleString('en')} overdue`,
    );

    const results: Result[] = [];
    results.push(await measureWeekView(bench.db, seeded.csmIds));
    results.push(await measureTeamOverdue(bench.db));
    results.push(await measurePlan(bench.db, seeded.csmIds));
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
