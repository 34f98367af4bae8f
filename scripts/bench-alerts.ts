// npm run bench:alerts — with DATABASE_URL naming a local PostgreSQL server.
// On touchplan_bench (100,000 accounts; made when missing) with the health
// benchmark's 90 days of usage (scripts/bench/usage-load.ts, loaded when
// missing: ~20 minutes once), accounts created over the last three years, a
// pool of 4 CSMs sharing a third of Tier 3 (no named CSM), today's signals and
// health through the real recompute and the history 7, 14 and 30 days back;
// then 20 enabled alert rules covering every condition kind (tiers, stages,
// combinations) and times evaluateAlerts(): the first run (opening episodes,
// raising tasks) and a second with nothing new; each rule's match statement
// alone; and the inbox (inboxTasks, 50 runs) of the CSM with the most tasks,
// of a pool member, and of nobody's tasks, plus the team's load.
// BENCH_EXPLAIN=N prints the plans of the N slowest match statements.
// BENCH_USAGE_DAYS=45 loads fewer days of usage on a fresh database (~10
// minutes; the rules look back 30 days at most).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { alertMatchSql, mappedEvents } from '@/db/queries/alert-match';
import { writeHealth } from '@/db/queries/health';
import { currentHealthModel } from '@/db/queries/health-read';
import { inboxTasks, teamTaskLoad } from '@/db/queries/tasks';
import { getWorkspace } from '@/db/queries/workspace';
import { alertRules } from '@/db/schema';
import type { AlertCondition } from '@/lib/alerts/conditions';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { evaluateAlerts } from '@/lib/server/alerts';
import { capacityMonth, readMonth } from '@/lib/server/capacity';
import { recomputeAllHealth } from '@/lib/server/health';
import { ms, percentile, timed, type Result } from './bench/measure';
import { runBench } from './bench/run';
import { loadBenchUsage, mapBenchEvents, usageDays } from './bench/usage-load';

type Rule = { name: string; conditions: AlertCondition[]; tiers?: number[]; stages?: string[]; priority?: 'high' | 'normal' | 'low' };

// Every condition kind of lib/alerts/conditions.ts, alone and combined, over mixed tiers and stages.
const rules: Rule[] = [
  { name: 'Tier 3 silent 14 days', conditions: [{ kind: 'no_activity', days: 14 }], tiers: [3] },
  { name: 'Tier 1–2 silent 30 days', conditions: [{ kind: 'no_activity', days: 30 }], tiers: [1, 2], priority: 'high' },
  { name: 'Onboarding silent a week', conditions: [{ kind: 'no_activity', days: 7 }], stages: ['onboarding'] },
  { name: 'Tier 3 pricing 3 in 7 days', conditions: [{ kind: 'pricing_views', views: 3, days: 7 }], tiers: [3] },
  { name: 'Tier 1–2 pricing 5 in 14 days', conditions: [{ kind: 'pricing_views', views: 5, days: 14 }], tiers: [1, 2] },
  { name: 'Health down 15 in 30 days', conditions: [{ kind: 'health_drop', points: 15, days: 30 }] },
  { name: 'Tier 1 health down 10 in a week', conditions: [{ kind: 'health_drop', points: 10, days: 7 }], tiers: [1], priority: 'high' },
  { name: 'Mature health down 20 in 14 days', conditions: [{ kind: 'health_drop', points: 20, days: 14 }], tiers: [2, 3], stages: ['mature'] },
  { name: 'Tier 1 poor', conditions: [{ kind: 'band_poor' }], tiers: [1], priority: 'high' },
  { name: 'Tier 2 adopting or mature poor', conditions: [{ kind: 'band_poor' }], tiers: [2], stages: ['adopting', 'mature'] },
  { name: 'Onboarding feature unused 30 days', conditions: [{ kind: 'feature_unused', days: 30 }], stages: ['onboarding'] },
  { name: 'Adopting feature unused 60 days', conditions: [{ kind: 'feature_unused', days: 60 }], tiers: [2, 3], stages: ['adopting'] },
  { name: 'Renewal in 90 days, health under 51', conditions: [{ kind: 'renewal_health', days: 90, below: 51 }] },
  { name: 'Tier 1 renewal in 30 days, under 70', conditions: [{ kind: 'renewal_health', days: 30, below: 70 }], tiers: [1], priority: 'high' },
  { name: 'Detractor', conditions: [{ kind: 'nps_low', max: 6 }] },
  { name: 'Tier 3 NPS 3 or less', conditions: [{ kind: 'nps_low', max: 3 }], tiers: [3], priority: 'low' },
  { name: 'Poor and renewing in 120 days', conditions: [{ kind: 'band_poor' }, { kind: 'renewal_health', days: 120, below: 60 }], tiers: [1, 2], priority: 'high' },
  { name: 'Pricing views while health drops', conditions: [{ kind: 'pricing_views', views: 3, days: 7 }, { kind: 'health_drop', points: 10, days: 14 }] },
  { name: 'Silent detractor', conditions: [{ kind: 'no_activity', days: 21 }, { kind: 'nps_low', max: 6 }], stages: ['adopting', 'mature', 'at_risk'] },
  { name: 'New and stuck', conditions: [{ kind: 'feature_unused', days: 30 }, { kind: 'no_activity', days: 10 }], stages: ['onboarding', 'adopting'] },
];

const historyBack = [30, 14, 7];
const poolSize = 4;
const inboxRuns = 50;

runBench(
  async (db: Db) => {
    const workspace = await getWorkspace(db);
    const now = new Date();
    const today = todayIn(workspace.timeZone, now);
    await mapBenchEvents(db);
    const days = Number(process.env.BENCH_USAGE_DAYS) || usageDays;
    const load = await timed(() => loadBenchUsage(db, today, workspace.timeZone, console.log, days));
    if (load.value > 0) console.log(`Loaded ${load.value.toLocaleString('en')} events in ${(load.ms / 1000).toFixed(1)} s`);
    await prepareAccounts(db, today);

    // Signals and health through the real recompute: the history days the rules look back to, then today.
    const model = await currentHealthModel(db);
    for (const back of historyBack) {
      const day = addDays(today, -back);
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from health_history where day = ${day}::date and model_version = ${model.version}`);
      if (n > 0) continue;
      const run = await timed(() => writeHealth(db, { from: day, to: day, today, timeZone: workspace.timeZone, model }));
      console.log(`Health history for ${day}: ${run.value.toLocaleString('en')} accounts in ${ms(run.ms)}`);
    }
    const health = await timed(() => recomputeAllHealth({ now }, db));
    console.log(`Health today: ${health.value.accounts.toLocaleString('en')} accounts in ${ms(health.ms)}`);
    await db.execute(sql`analyze`);
    const [bands] = await queryRows<Record<string, number>>(
      db,
      sql`select count(*) filter (where band = 'poor')::int as poor, count(*) filter (where band = 'average')::int as average,
        count(*) filter (where band = 'good')::int as good, count(*) filter (where band is null)::int as none from account_health`,
    );
    console.log(`Bands today: ${JSON.stringify(bands)}`);

    // A clean slate: these 20 rules, no episodes, no tasks.
    await db.execute(sql`delete from tasks`);
    await db.execute(sql`delete from alert_episodes`);
    await db.execute(sql`delete from alert_rules`);
    await db.execute(sql`update pool_members set last_assigned_at = null`);
    await db.insert(alertRules).values(rules.map((r) => ({ name: r.name, conditions: r.conditions, tiers: r.tiers ?? [], stages: r.stages ?? [], first: 'task', taskPriority: r.priority ?? 'normal' })));
    await db.execute(sql`vacuum analyze tasks, alert_episodes, alert_rules, pool_members`);

    const first = await timed(() => evaluateAlerts({ now }, db));
    console.log(`First evaluation: ${ms(first.ms)}: ${JSON.stringify(first.value)}`);
    await db.execute(sql`analyze tasks, alert_episodes`);
    const second = await timed(() => evaluateAlerts({ now }, db));
    console.log(`Second evaluation (nothing new): ${ms(second.ms)}: ${JSON.stringify(second.value)}`);
    const third = await timed(() => evaluateAlerts({ now }, db));
    console.log(`Third evaluation (nothing new): ${ms(third.ms)}: ${JSON.stringify(third.value)}`);

    // Each rule's match statement alone (what the evaluation reads per rule).
    const saved = await db.select().from(alertRules).orderBy(alertRules.id);
    const mapped = await mappedEvents(db);
    const matchOf = (rule: (typeof saved)[number]) => alertMatchSql({ conditions: rule.conditions, scope: { tiers: rule.tiers, stages: rule.stages as never } }, { today, timeZone: workspace.timeZone, mapped });
    const perRule: { name: string; ms: number; matches: number }[] = [];
    for (const rule of saved) {
      const run = await timed(() => queryRows(db, matchOf(rule)));
      perRule.push({ name: rule.name, ms: run.ms, matches: run.value.length });
    }
    console.log('\nMatch statement per rule:');
    for (const r of perRule) console.log(`  ${ms(r.ms).padStart(9)}  ${r.matches.toLocaleString('en').padStart(6)} accounts  ${r.name}`);
    const matchTotal = perRule.reduce((n, r) => n + r.ms, 0);
    // BENCH_EXPLAIN=N: the plans of the N slowest match statements.
    for (const r of [...perRule].sort((x, y) => y.ms - x.ms).slice(0, Number(process.env.BENCH_EXPLAIN) || 0)) {
      const rule = saved.find((x) => x.name === r.name)!;
      const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${matchOf(rule)}`);
      console.log(`\n${r.name}:\n${plan.map((l) => l['QUERY PLAN']).join('\n')}`);
    }

    // Inboxes: the CSM with most open tasks, a pool member, nobody's; the manager's team load.
    const [busiest] = await queryRows<{ ownerId: number; n: number }>(db, sql`select owner_id as "ownerId", count(*)::int as n from tasks where status = 'open' and owner_id is not null group by owner_id order by n desc limit 1`);
    const [pooled] = await queryRows<{ ownerId: number; n: number }>(
      db,
      sql`select p.user_id as "ownerId", (select count(*)::int from tasks t where t.owner_id = p.user_id and t.status = 'open') as n from pool_members p order by n desc limit 1`,
    );
    const [{ n: tasksTotal } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from tasks`);
    const [{ n: nobodys } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from tasks where owner_id is null`);
    const inbox = async (ownerId: number | null, limit: number) => {
      const times: number[] = [];
      for (let i = 0; i < inboxRuns; i++) times.push((await timed(() => inboxTasks(db, { ownerId, today, limit }))).ms);
      return times;
    };
    const busiestTimes = await inbox(busiest!.ownerId, 200);
    const poolTimes = await inbox(pooled!.ownerId, 200);
    const nobodyTimes = await inbox(null, 50);
    const loadTimes: number[] = [];
    for (let i = 0; i < inboxRuns; i++) loadTimes.push((await timed(() => teamTaskLoad(db, today))).ms);
    const capacity = await timed(() => capacityMonth(db, { month: readMonth(undefined, today), now, workspace, language: 'en', activity: false }));
    const p = (t: number[]) => `p50 ${ms(percentile(t, 50))} · p95 ${ms(percentile(t, 95))}`;

    return [
      { name: `first evaluation, ${rules.length} rules × 100,000 accounts (${first.value.opened.toLocaleString('en')} episodes, ${first.value.tasks.toLocaleString('en')} tasks)`, target: '≤ 5 s', figures: ms(first.ms), ok: first.ms <= 5000 },
      { name: 'second evaluation, nothing new', target: '≤ 5 s', figures: `${ms(second.ms)} · ${ms(third.ms)}`, ok: Math.max(second.ms, third.ms) <= 5000 },
      { name: `the ${rules.length} match statements alone, one after another`, target: '—', figures: ms(matchTotal), ok: true },
      { name: `inbox of the busiest CSM (${busiest!.n.toLocaleString('en')} open tasks; ${tasksTotal.toLocaleString('en')} in all), ${inboxRuns} runs`, target: '≤ 100 ms', figures: p(busiestTimes), ok: percentile(busiestTimes, 95) <= 100 },
      { name: `inbox of a pool member (${pooled!.n.toLocaleString('en')} open tasks)`, target: '≤ 100 ms', figures: p(poolTimes), ok: percentile(poolTimes, 95) <= 100 },
      { name: `nobody's tasks (${nobodys.toLocaleString('en')}), the manager's view`, target: '≤ 100 ms', figures: p(nobodyTimes), ok: percentile(nobodyTimes, 95) <= 100 },
      { name: "the team's task load, the manager's view", target: '≤ 100 ms', figures: p(loadTimes), ok: percentile(loadTimes, 95) <= 100 },
      { name: 'capacity month for the pool pick (owed with tasks)', target: '—', figures: ms(capacity.ms), ok: true },
    ] satisfies Result[];
  },
  { reuse: async () => true },
);

/**
 * Once per database: accounts created over the last three years (so "never
 * seen since created N days ago" and "onboarding started" have a past), the
 * onboarding ones started in the last 60 days, and a third of Tier 3 with no
 * named CSM, shared by a pool of 4 CSMs.
 */
async function prepareAccounts(db: Db, today: string) {
  await db.execute(sql`create table if not exists bench_alerts_setup (done_on date not null)`);
  const [done] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from bench_alerts_setup`);
  if (done!.n > 0) return;
  await db.transaction(async (tx) => {
    // Past the statement triggers on accounts (usage attribution, economics and coverage marks: nothing the alerts read), whose
    // transition-table joins take minutes on a 100,000-row update.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`update accounts set created_at = now() - (40 + abs(hashint4(id * 17)) % 1060) * interval '1 day'`);
    await tx.execute(sql`update accounts set onboarding_started_on = ${today}::date - abs(hashint4(id * 19)) % 60 where lifecycle_stage = 'onboarding'`);
    await tx.execute(sql`update accounts set owner_id = null where tier = 3 and id % 3 = 0`);
    await tx.execute(sql`insert into pool_members (user_id) select id from users where role = 'csm' and email like '%@bench.example' order by id limit ${poolSize} on conflict do nothing`);
    await tx.execute(sql`insert into bench_alerts_setup (done_on) values (${today}::date)`);
  });
  await db.execute(sql`vacuum analyze accounts`);
  console.log('Prepared: accounts created over three years, a third of Tier 3 pooled among 4 CSMs');
}
