// npm run bench:coverage — with DATABASE_URL naming a local PostgreSQL
// server. touchplan_bench with 100,000 accounts, 1,000,000 activities (their
// completed ones in the touch ledger) and 1,000,000 program and content
// touches (reused when an earlier run left it), then: the whole coverage
// recompute, a recompute of 2,000 accounts (what the minute job does after
// touches arrive), and the queries of the coverage dashboard, its
// drill-downs and the home pages for a quarter, 30 times each, p95. The
// database is left with its obligations, so `npm run bench:pages -- --page /
// --page /coverage` times the same pages over HTTP.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { overdueActivities } from '@/db/queries/calendar';
import { coverageByRule, coverageFreshness, coverageGaps, coverageSummary, coverageTrend } from '@/db/queries/coverage-report';
import { renewalsAhead, renewalsByMonth, workspaceHealth } from '@/db/queries/home';
import { listPendingRequests } from '@/db/queries/override-requests';
import { getWorkspace } from '@/db/queries/workspace';
import { resolvePeriod } from '@/lib/coverage/period';
import { trendRange } from '@/lib/coverage/params';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { recomputeCoverage } from '@/lib/server/coverage';
import { whatIfMonth } from '@/lib/server/what-if';
import { readWhatIf } from '@/lib/capacity/what-if-params';
import { seedActivities } from './bench/activities';
import { hasCoverageData, seedCoverageData } from './bench/coverage-seed';
import { ms, percentile, timed, type Result } from './bench/measure';
import { activityCount } from './bench/pages/data';
import { accountCount, runBench } from './bench/run';

const runs = 30;

async function p95(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(run)).ms);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

function result(name: string, target: number, t: { p50: number; p95: number }): Result {
  return { name, target: `p95 ≤ ${target} ms`, figures: `p50 ${ms(t.p50)} · p95 ${ms(t.p95)}`, ok: t.p95 <= target };
}

runBench(
  async (db: Db, seeded) => {
    if (!(await hasCoverageData(db, accountCount, activityCount))) {
      const acts = await timed(() => seedActivities(db, activityCount));
      console.log(`Seeded ${activityCount.toLocaleString('en')} activities in ${(acts.ms / 1000).toFixed(1)} s`);
      const touches = await timed(() => seedCoverageData(db));
      console.log(`Ledger: ${touches.value.activityTouches.toLocaleString('en')} activity touches, ${touches.value.programTouches.toLocaleString('en')} program and content touches, in ${(touches.ms / 1000).toFixed(1)} s`);
    }
    const all = await timed(() => recomputeCoverage({}, db));
    console.log(`Recomputed coverage of ${all.value.accounts.toLocaleString('en')} accounts (${all.value.obligations.toLocaleString('en')} obligations) in ${(all.ms / 1000).toFixed(1)} s`);
    await db.execute(sql`analyze coverage_obligations`);
    const [some] = await queryRows<{ ids: number[] }>(db, sql`select array_agg(id) as ids from (select id from accounts order by random() limit 2000) s`);
    const chunk = await timed(() => recomputeCoverage({ accountIds: some!.ids }, db));

    const workspace = await getWorkspace(db);
    const today = todayIn(workspace.timeZone);
    const quarter = resolvePeriod({ period: 'quarter' }, { today, fiscalYearStartMonth: workspace.fiscalYearStartMonth });
    const all_ = { from: quarter.from, to: quarter.to };
    const csm = seeded.csmIds[0]!;
    const mine = { ...all_, ownerId: csm };
    const gaps = ['overdue', 'missed'] as const;
    const now = new Date();

    const dashboard = (scope: typeof all_ & { ownerId?: number }) => () =>
      Promise.all([
        coverageSummary(db, scope),
        coverageGaps(db, { ...scope, statuses: gaps, page: 1 }),
        coverageTrend(db, { ...scope, ...trendRange(quarter) }),
        coverageByRule(db, scope),
        coverageFreshness(db),
      ]);
    const managerHome = () =>
      Promise.all([
        coverageSummary(db, all_),
        listPendingRequests(db),
        overdueActivities(db, { now, limit: 5 }),
        renewalsAhead(db, { from: today, to: addDays(today, 90), limit: 0 }),
        renewalsByMonth(db, { from: today, months: 6 }),
        workspaceHealth(db),
      ]);
    const csmHome = () =>
      Promise.all([
        coverageSummary(db, mine),
        coverageGaps(db, { ...mine, statuses: gaps, page: 1 }),
        overdueActivities(db, { ownerIds: [csm], now, limit: 5 }),
        renewalsAhead(db, { ownerId: csm, from: today, to: addDays(today, 90), limit: 6 }),
      ]);
    // A what-if as a manager builds one: three moves, a new CSM taking accounts, a capacity change and a cadence change.
    const [a, b, c] = seeded.csmIds as number[];
    const scenario = readWhatIf({ move: [`${a}.${b}.3.500`, `${b}.${c}.2.200`, `${c}.-1.1.20`], cap: [`${a}.140`], hire: ['120'], rule: ['1.0.2'] });
    const whatIf = () => whatIfMonth(db, { month: today.slice(0, 7), now, workspace, language: 'en', params: scenario });
    return [
      { name: 'coverage recompute, all accounts', target: 'within the minute job', figures: `${(all.ms / 1000).toFixed(1)} s for ${all.value.obligations.toLocaleString('en')} obligations`, ok: all.ms < 60_000 },
      { name: 'coverage recompute, 2,000 changed accounts', target: '≤ 5 s', figures: ms(chunk.ms), ok: chunk.ms <= 5000 },
      result('coverage dashboard, quarter, everyone (5 queries)', 300, await p95(dashboard(all_))),
      result('coverage dashboard, quarter, one CSM', 300, await p95(dashboard(mine))),
      result('drill-down: Tier 1 overdue, page 1', 200, await p95(() => coverageGaps(db, { ...all_, tier: 1, statuses: ['overdue'], page: 1 }))),
      result('drill-down: one CSM’s gaps, page 3', 200, await p95(() => coverageGaps(db, { ...mine, statuses: gaps, page: 3 }))),
      result('manager home queries', 150, await p95(managerHome)),
      result('CSM home queries', 150, await p95(csmHome)),
      result('capacity what-if (3 moves, a new CSM, capacity and cadence changes)', 1000, await p95(whatIf)),
    ];
  },
  { reuse: (db) => hasCoverageData(db, accountCount, activityCount) },
);
