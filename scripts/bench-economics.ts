// npm run bench:economics — with DATABASE_URL naming a local PostgreSQL
// server. touchplan_bench as bench:coverage leaves it (100,000 accounts,
// 1,000,000 activities, 1,000,000 program and content touches, coverage
// worked out; seeded here when missing), plus program sessions with their
// attendance and the workspace's costs (scripts/bench/economics-seed.ts).
// Times the economics page's queries for the last 12 months (the default)
// and a fiscal year, 30 times each, p95; and the per-account CSV's slices.
import { sql } from 'drizzle-orm';
import { type Db } from '@/db/client';
import { economicsAccounts, economicsByTier } from '@/db/queries/economics';
import { economicsSnapshot } from '@/db/queries/economics-snapshot';
import { getWorkspace } from '@/db/queries/workspace';
import { costSettingsOf } from '@/lib/economics/cost';
import { fiscalYearChoices, resolveEconomicsPeriod } from '@/lib/economics/period';
import { todayIn } from '@/lib/dates';
import { recomputeCoverage } from '@/lib/server/coverage';
import { economicsOverview, economicsWindow } from '@/lib/server/economics';
import { seedActivities } from './bench/activities';
import { hasCoverageData, seedCoverageData } from './bench/coverage-seed';
import { hasEconomicsData, seedEconomicsData } from './bench/economics-seed';
import { ms, percentile, timed, type Result } from './bench/measure';
import { activityCount } from './bench/pages/data';
import { accountCount, runBench } from './bench/run';

const runs = 30;

async function p95(run: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(run)).ms);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

function result(name: string, target: number | null, t: { p50: number; p95: number; max: number }): Result {
  return { name, target: target === null ? '—' : `p95 ≤ ${target} ms`, figures: `p50 ${ms(t.p50)} · p95 ${ms(t.p95)} · max ${ms(t.max)}`, ok: target === null || t.p95 <= target };
}

runBench(
  async (db: Db) => {
    if (!(await hasCoverageData(db, accountCount, activityCount))) {
      const acts = await timed(() => seedActivities(db, activityCount));
      console.log(`Seeded ${activityCount.toLocaleString('en')} activities in ${(acts.ms / 1000).toFixed(1)} s`);
      const touches = await timed(() => seedCoverageData(db));
      console.log(`Ledger: ${touches.value.programTouches.toLocaleString('en')} program and content touches in ${(touches.ms / 1000).toFixed(1)} s`);
      const all = await timed(() => recomputeCoverage({}, db));
      console.log(`Coverage of ${all.value.accounts.toLocaleString('en')} accounts (${all.value.obligations.toLocaleString('en')} obligations) in ${(all.ms / 1000).toFixed(1)} s`);
      await db.execute(sql`analyze coverage_obligations`);
    }
    if (!(await hasEconomicsData(db))) {
      const seeded = await timed(() => seedEconomicsData(db));
      const v = seeded.value;
      console.log(`Seeded ${v.sessions} sessions, ${v.invitations.toLocaleString('en')} invitations (${v.attended.toLocaleString('en')} attended) in ${(seeded.ms / 1000).toFixed(1)} s`);
    }

    const workspace = await getWorkspace(db);
    const today = todayIn(workspace.timeZone);
    const opts = { today, fiscalYearStartMonth: workspace.fiscalYearStartMonth };
    const last12 = resolveEconomicsPeriod('last12', opts);
    const lastFy = fiscalYearChoices(today, workspace.fiscalYearStartMonth)[1]!;
    const w = economicsWindow(last12, workspace.timeZone);
    const s = costSettingsOf(workspace);
    const page = (period: typeof last12, overPage = 1) => () => economicsOverview(db, { workspace, period, overPage, uncaredPage: 1 });

    // The snapshot built whole (once a day, by the minute job), then worked out again for 100 accounts that changed.
    await db.execute(sql`delete from economics_runs`);
    const whole = await timed(() => economicsSnapshot(db, w, today));
    const changed = await timed(async () => {
      await db.execute(sql`update activities set duration_minutes = duration_minutes + 1 where id in (select id from activities where status = 'completed' order by id desc limit 100)`);
      return economicsSnapshot(db, w, today);
    });
    const runId = whole.value.runId;
    console.log(`Snapshot of the last 12 months: built whole in ${ms(whole.ms)}; ${changed.value.accounts} changed accounts (${changed.value.built}) in ${ms(changed.ms)}`);

    const first = await page(last12)();
    console.log(
      `Last 12 months: ${first.tiers.map((t) => `Tier ${t.tier} ${t.accounts} accounts, ${t.hours} h, share ${t.sharePct} %, ${t.over} over`).join('; ')}; ` +
        `${first.over.total} over the line, ${first.uncared.total} Tier 1 under 50 %`,
    );
    const overPages = Math.max(1, Math.ceil(first.over.total / 50));

    const csvSlices = await timed(async () => {
      let afterId = 0;
      let slices = 0;
      for (;;) {
        const { rows } = await economicsAccounts(db, runId, s, 12, { list: 'all', afterId, limit: 2000 });
        slices++;
        if (rows.length < 2000) return slices;
        afterId = rows.at(-1)!.id;
      }
    });

    return [
      { name: 'snapshot of the last 12 months, built whole', target: '—', figures: ms(whole.ms), ok: true },
      { name: `snapshot brought up to date for ${changed.value.accounts} changed accounts`, target: '—', figures: ms(changed.ms), ok: true },
      result('economics page, last 12 months (tiers + two lists, in parallel)', 300, await p95(page(last12))),
      result(`economics page, ${lastFy.key}`, 300, await p95(page(lastFy))),
      result(`economics page, last list page (${overPages})`, 300, await p95(page(last12, overPages))),
      result('tier summary alone', null, await p95(() => economicsByTier(db, runId, s, 12))),
      result('high-touch on low value, page 1, alone', null, await p95(() => economicsAccounts(db, runId, s, 12, { list: 'over', page: 1 }))),
      result('Tier 1 under 50 %, page 1, alone', null, await p95(() => economicsAccounts(db, runId, s, 12, { list: 'uncared', page: 1 }))),
      result('CSV slice of 2,000 accounts', null, await p95(() => economicsAccounts(db, runId, s, 12, { list: 'all', afterId: 50_000, limit: 2000 }))),
      { name: 'CSV of every account (slices of 2,000)', target: '—', figures: `${ms(csvSlices.ms)} for ${csvSlices.value} slices`, ok: true },
    ];
  },
  { reuse: async (db) => hasCoverageData(db, accountCount, activityCount) },
);
