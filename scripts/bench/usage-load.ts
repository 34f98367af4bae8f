import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { rollUpUsage } from '@/db/queries/usage-rollup';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';

// 90 days of product usage for the bench's 100,000 accounts, about 30 million
// events, bulk-loaded with SQL into usage_events (one INSERT … SELECT a day):
// the trigger queues them and the roll-up folds each day into the roll-ups,
// as ingestion and the health job do. Personas by account: 10 % never seen,
// 50 % healthy, 15 % declining, 10 % suddenly silent, 10 % expanding
// (pricing views rising), 5 % onboarding (started in the last three weeks). Each account has 1–4
// users; an active user-day sends a login and four feature events; some send
// a pricing view, a ticket or an NPS response. Loaded days are kept in
// bench_usage_days, so a run picks up where an interrupted one stopped.

export const usageDays = 90;
export const usageEvents = { login: 'Logged In', features: ['Report Exported', 'Dashboard Shared', 'Workflow Created', 'Integration Connected'], pricing: 'Pricing Viewed', ticket: 'Ticket Opened', nps: 'NPS Submitted' };

/** Maps the bench's events to their meanings (as Admin → Signals would). */
export async function mapBenchEvents(db: Db): Promise<void> {
  const rows = [
    ['login', usageEvents.login, null],
    ...usageEvents.features.map((e) => ['key_feature', e, null]),
    ['pricing_view', usageEvents.pricing, null],
    ['support_ticket', usageEvents.ticket, null],
    ['nps', usageEvents.nps, 'score'],
  ] as const;
  for (const [meaning, event, prop] of rows)
    await db.execute(sql`insert into event_mappings (meaning, event, score_property) values (${meaning}, ${event}, ${prop}) on conflict (meaning, event) do nothing`);
}

/** Loads the days of the last `days` (default `usageDays`) to `today` not loaded yet; returns how many events it added. */
export async function loadBenchUsage(db: Db, today: LocalDate, timeZone: string, log: (line: string) => void, days = usageDays): Promise<number> {
  await db.execute(sql`create table if not exists bench_usage_days (day date primary key, events integer not null)`);
  await db.execute(sql`create table if not exists bench_personas as
    select id as account_id, domain, 1 + (abs(hashint4(id)) % 4) as users,
      case when abs(hashint4(id * 7)) % 100 < 10 then 'none' when abs(hashint4(id * 7)) % 100 < 60 then 'healthy'
        when abs(hashint4(id * 7)) % 100 < 75 then 'declining' when abs(hashint4(id * 7)) % 100 < 85 then 'silent'
        when abs(hashint4(id * 7)) % 100 < 95 then 'expanding' else 'onboarding' end as persona,
      abs(hashint4(id * 13)) % 21 as shift
    from accounts`);
  const loaded = new Set((await queryRows<{ day: string }>(db, sql`select day::text as day from bench_usage_days`)).map((r) => r.day));
  const first = addDays(today, -(days - 1));
  for (let m = first.slice(0, 7) + '-01'; m <= today; m = addDays(m as LocalDate, 32).slice(0, 7) + '-01')
    await db.execute(sql`select usage_events_partition(${m}::date)`);
  const f = usageEvents.features;
  let added = 0;
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    if (loaded.has(day)) continue;
    const age = days - 1 - i; // days before today
    const started = performance.now();
    // A user's chance of being active that day, by persona; events at random times of the day (today: until now).
    const [{ n }] = (await queryRows<{ n: number }>(
      db,
      sql`with active as (
            select p.account_id, p.domain, p.persona, u
            from bench_personas p cross join generate_series(1, p.users) u
            where random() < case p.persona
              when 'healthy' then 0.3
              when 'declining' then 0.55 * (${age}::numeric / ${usageDays}) + 0.05
              when 'silent' then case when ${age} > 10 + p.shift then 0.4 else 0 end
              when 'expanding' then 0.6 - 0.3 * (${age}::numeric / ${usageDays})
              when 'onboarding' then case when ${age} <= 8 + p.shift then 0.5 else 0 end
              else 0 end
          ),
          events as (
            select a.*, e.event, e.props from active a cross join lateral (
              values (${usageEvents.login}, null::jsonb), (${f[0]}, null), (${f[1]}, null), (${f[2]}, null), (${f[3]}, null),
                (case when random() < case a.persona when 'expanding' then 0.4 - 0.3 * (${age}::numeric / ${usageDays}) else 0.03 end then ${usageEvents.pricing} end, null),
                (case when random() < case a.persona when 'declining' then 0.06 else 0.02 end then ${usageEvents.ticket} end, null),
                (case when random() < 0.005 then ${usageEvents.nps} end, jsonb_build_object('score', floor(random() * 11)::int))
            ) e(event, props)
            where e.event is not null
          ),
          written as (
            insert into usage_events (occurred_at, message_id, type, event, user_key, group_id, account_id, properties)
            select least(now(), (${day}::timestamp at time zone ${timeZone}) + random() * interval '1 day'),
              'bulk-' || ${day} || '-' || account_id || '-' || u || '-' || row_number() over (), 'track', event, domain || '-u' || u, domain, account_id, props
            from events
            returning 1
          )
          select count(*)::int as n from written`,
    )) as [{ n: number }];
    await rollUpUsage(db);
    await db.execute(sql`insert into bench_usage_days (day, events) values (${day}, ${n})`);
    added += n;
    log(`  ${day}: ${n.toLocaleString('en')} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return added;
}
