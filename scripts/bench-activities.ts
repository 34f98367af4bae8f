// npm run bench:activities — with DATABASE_URL naming a local PostgreSQL
// server. Creates the database touchplan_bench there (dropping an old one),
// seeds 100,000 accounts and 1,000,000 activities, and times the issue-4
// paths against their targets: a CSM's week view, the team's overdue list,
// and plan-from-playbook for a book of 50 accounts. Exits 1 if a target is
// missed; the database is left in place for EXPLAIN ANALYZE.
import { seedActivities } from './bench/activities';
import { timed } from './bench/measure';
import { runBench } from './bench/run';
import { measurePlan, measureTeamOverdue, measureWeekView } from './bench/schedule';

const activityCount = 1_000_000;

runBench(async (db, seeded) => {
  const { ms, value: counts } = await timed(() => seedActivities(db, activityCount));
  console.log(
    `Seeded ${activityCount.toLocaleString('en')} activities in ${(ms / 1000).toFixed(1)} s: ` +
      `${counts.planned.toLocaleString('en')} planned, of which ${counts.overdue.toLocaleString('en')} overdue`,
  );
  return [await measureWeekView(db, seeded.csmIds), await measureTeamOverdue(db), await measurePlan(db, seeded.csmIds)];
});
