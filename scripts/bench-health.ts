// npm run bench:health — with DATABASE_URL naming a local PostgreSQL server.
// On touchplan_bench (100,000 accounts; made when missing), bulk-loads 90
// days of usage, about 30 million events (scripts/bench/usage-load.ts; the
// roll-up triggers run as in ingestion), maps the events, then times health's
// whole recompute of every account for today (3 runs), the minute job's
// recompute of 1,000 accounts whose events changed a week back, and the
// model preview (a weight changed) over every account.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { writeHealth, previewModel } from '@/db/queries/health';
import { currentHealthModel } from '@/db/queries/health-read';
import { getWorkspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { recomputeAllHealth } from '@/lib/server/health';
import { ms, percentile, timed, type Result } from './bench/measure';
import { accountCount, runBench } from './bench/run';
import { loadBenchUsage, mapBenchEvents } from './bench/usage-load';

runBench(
  async (db: Db) => {
    const workspace = await getWorkspace(db);
    const today = todayIn(workspace.timeZone);
    await mapBenchEvents(db);
    const load = await timed(() => loadBenchUsage(db, today, workspace.timeZone, console.log));
    if (load.value > 0) {
      console.log(`Loaded ${load.value.toLocaleString('en')} events in ${(load.ms / 1000).toFixed(1)} s`);
      await db.execute(sql`analyze`);
    }
    const [sizes] = await queryRows<{ events: number; daily: number; userDays: number }>(
      db,
      sql`select (select sum(events)::int from bench_usage_days) as events, (select count(*)::int from usage_daily) as daily, (select count(*)::int from usage_user_days) as "userDays"`,
    );
    console.log(`Usage: ${sizes!.events.toLocaleString('en')} bulk-loaded events; rollups ${sizes!.daily.toLocaleString('en')} account-day-event rows, ${sizes!.userDays.toLocaleString('en')} user-days`);

    const whole: number[] = [];
    let accounts = 0;
    for (let i = 0; i < 3; i++) {
      const run = await timed(() => recomputeAllHealth({}, db));
      whole.push(run.ms);
      accounts = run.value.accounts;
      console.log(`Whole recompute ${i + 1}: ${ms(run.ms)}`);
    }
    const [bands] = await queryRows<{ poor: number; average: number; good: number; none: number }>(
      db,
      sql`select count(*) filter (where band = 'poor')::int as poor, count(*) filter (where band = 'average')::int as average,
        count(*) filter (where band = 'good')::int as good, count(*) filter (where band is null)::int as none from account_health`,
    );
    console.log(`Bands: ${JSON.stringify(bands)}`);

    const model = await currentHealthModel(db);
    const some = sql`select id from accounts order by id limit 1000`;
    const marked = await timed(() => writeHealth(db, { accountIds: some, from: addDays(today, -7), to: today, today, timeZone: workspace.timeZone, model }));
    console.log(`1,000 accounts from 7 days back: ${marked.value.toLocaleString('en')} account-days in ${ms(marked.ms)}`);

    const edited = { ...model, components: model.components.map((c, i) => (i === 0 ? { ...c, weight: c.weight + 20 } : c)) };
    const previews: number[] = [];
    let changed = 0;
    for (let i = 0; i < 5; i++) {
      const p = await timed(() => previewModel(db, edited));
      previews.push(p.ms);
      changed = p.value.changed;
    }
    console.log(`Preview: ${changed.toLocaleString('en')} accounts change band`);

    return [
      {
        name: `health, whole recompute (${accounts.toLocaleString('en')} accounts, ${(sizes!.events / 1e6).toFixed(1)} M events)`,
        target: '≤ 10 s',
        figures: `${whole.map(ms).join(' · ')}`,
        ok: Math.max(...whole) <= 10_000 && accounts === accountCount,
      },
      { name: '1,000 changed accounts, 8 days each', target: '≤ 10 s (minute job)', figures: ms(marked.ms), ok: marked.ms <= 10_000 },
      { name: 'preview of a model edit', target: '≤ 2 s', figures: `p50 ${ms(percentile(previews, 50))} · max ${ms(Math.max(...previews))}`, ok: Math.max(...previews) <= 2000 },
    ] satisfies Result[];
  },
  { reuse: async () => true },
);
