import { sql, type SQL } from 'drizzle-orm';
import type { HealthComponent, HealthModel } from '@/lib/health/model';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';

// Signals and health scores, worked out in SQL for any set of accounts and
// days at once (lib/health/model.ts has the same scoring as a plain function,
// for the breakdown; health.int.test.ts checks they agree).
//
// Signals of an account on a workspace day D (null: no data):
// - days since last seen: D minus the last day anyone there sent an event;
// - active users 7 / 30 days: distinct users with events in the 7 / 30 days to D;
// - key-feature adoption: the share of the mapped key features used in 30 days;
// - usage trend: events in the 30 days to D against the 30 before, in percent
//   (no data without events in the 30 before);
// - pricing-page views in 7 days, support tickets in 30 days: mapped events;
// - NPS: the score property of the latest mapped NPS response;
// - days since the last human touch: the last completed activity (the touch ledger);
// - the CSM's pulse while it lasts: green 100, yellow 50, red 0.
// Usage measures are missing for an account never seen, and those read from
// mapped events also while nothing is mapped to them.

export type HealthScope = { accountIds?: SQL; from: LocalDate; to: LocalDate; timeZone: string; today: LocalDate };

const mapped = (meaning: string) => sql`(select event from event_mappings where meaning = ${meaning})`;
const has = (meaning: string) => sql`exists (select 1 from event_mappings where meaning = ${meaning})`;
const numeric = '^[0-9]+(\\.[0-9]+)?$';

/**
 * The CTE `sig` (account_id, day, and each measure) for the accounts and
 * days of `s`: for today alone, set-based over every account at once from
 * the roll-ups' latest values (usage_account_users, usage_last_events) and
 * day sums; for a range of days (the history), per account and day.
 */
export function signalsCte(s: HealthScope): SQL {
  return s.from === s.today && s.to === s.today ? todaySignals(s) : daySignals(s);
}

/**
 * The signals' columns over the joined aliases (the same in both forms): ls
 * (last_day), users (au7, au30), ev (cur, prev, kf_used, pricing7,
 * tickets30), nps (score), ht (last_touch), p (the pulse).
 */
function signalColumns(day: SQL, timeZone: string, users: 'ls' | 'uu'): SQL {
  const uu = sql.raw(users);
  return sql`
    case when ls.last_day is null then null else greatest(0, ${day} - ls.last_day) end as days_since_seen,
    case when ls.last_day is null then null else coalesce(${uu}.au7, 0) end as active_users_7d,
    case when ls.last_day is null then null else coalesce(${uu}.au30, 0) end as active_users_30d,
    case when ls.last_day is null or kf.n = 0 then null else round(100.0 * coalesce(ev.kf_used, 0) / kf.n, 1) end as feature_adoption,
    case when ls.last_day is null or coalesce(ev.prev, 0) = 0 then null else round(100.0 * (coalesce(ev.cur, 0) - ev.prev) / ev.prev, 1) end as usage_trend,
    case when ls.last_day is null or not ${has('pricing_view')} then null else coalesce(ev.pricing7, 0) end as pricing_views_7d,
    case when ls.last_day is null or not ${has('support_ticket')} then null else coalesce(ev.tickets30, 0) end as tickets_30d,
    nps.score as nps,
    case when ht.last_touch is null then null else ${day} - (ht.last_touch at time zone ${timeZone})::date end as days_since_human_touch,
    case p.pulse when 'green' then 100 when 'yellow' then 50 when 'red' then 0 end as pulse`;
}

/** Today for every account of the scope: a handful of grouped scans instead of lookups per account. */
function todaySignals(s: HealthScope): SQL {
  const only = (column: SQL) => (s.accountIds ? sql`and ${column} in (${s.accountIds})` : sql``);
  const end = sql`((${s.today}::date + 1)::timestamp at time zone ${s.timeZone})`;
  const d = sql`${s.today}::date`;
  return sql`
    ad as (select a.id as account_id, ${d} as day from accounts a where true ${only(sql`a.id`)}),
    seen as (
      select account_id, max(last_day) as last_day, count(*) filter (where last_day > ${d} - 7) as au7, count(*) filter (where last_day > ${d} - 30) as au30
      from usage_account_users where true ${only(sql`account_id`)} group by account_id
    ),
    trend as (
      select account_id, sum(events) filter (where day > ${d} - 30) as cur, sum(events) filter (where day <= ${d} - 30) as prev
      from usage_account_days where day > ${d} - 60 and day <= ${d} ${only(sql`account_id`)} group by account_id
    ),
    features as (
      select account_id, count(*) as kf_used from usage_last_events
      where event in ${mapped('key_feature')} and last_day > ${d} - 30 ${only(sql`account_id`)} group by account_id
    ),
    counted as (
      -- From the mapped names (a few) into usage_daily by (event, day): only their rows are read.
      select u.account_id, sum(u.events) filter (where m.meaning = 'pricing_view' and u.day > ${d} - 7) as pricing7,
        sum(u.events) filter (where m.meaning = 'support_ticket') as tickets30
      from event_mappings m join usage_daily u on u.event = m.event and u.day > ${d} - 30 and u.day <= ${d}
      where m.meaning in ('pricing_view', 'support_ticket') ${only(sql`u.account_id`)} group by u.account_id
    ),
    latest_nps as (
      select distinct on (l.account_id) l.account_id, l.properties ->> m.score_property as score
      from usage_last_events l join event_mappings m on m.meaning = 'nps' and m.event = l.event and m.score_property is not null
      where l.last_at < ${end} ${only(sql`l.account_id`)}
      order by l.account_id, l.last_at desc
    ),
    touched as (
      select account_id, max(occurred_at) as last_touch from touches
      where kind = 'activity_completed' and occurred_at < ${end} ${only(sql`account_id`)} group by account_id
    ),
    ev as (
      select ad.account_id, t.cur, t.prev, f.kf_used, c.pricing7, c.tickets30
      from ad left join trend t on t.account_id = ad.account_id left join features f on f.account_id = ad.account_id
        left join counted c on c.account_id = ad.account_id
    ),
    sig as (
      select ad.account_id, ad.day, ${signalColumns(sql`ad.day`, s.timeZone, 'ls')}
      from ad
      cross join (select count(*)::int as n from event_mappings where meaning = 'key_feature') kf
      left join seen ls on ls.account_id = ad.account_id
      left join ev on ev.account_id = ad.account_id
      left join (select account_id, case when score ~ ${numeric} then score::numeric end as score from latest_nps) nps on nps.account_id = ad.account_id
      left join touched ht on ht.account_id = ad.account_id
      left join account_pulses p on p.account_id = ad.account_id and (p.set_at at time zone ${s.timeZone})::date <= ad.day and p.expires_on >= ad.day
    )`;
}

/** Each account and day of the scope on its own (the history: a few accounts, up to 90 days). */
function daySignals(s: HealthScope): SQL {
  return sql`
    ad as (
      select a.id as account_id, d::date as day
      from accounts a cross join generate_series(${s.from}::date, ${s.to}::date, interval '1 day') d
      ${s.accountIds ? sql`where a.id in (${s.accountIds})` : sql``}
    ),
    sig as (
      select ad.account_id, ad.day, ${signalColumns(sql`ad.day`, s.timeZone, 'uu')}
      from ad
      cross join (select count(*)::int as n from event_mappings where meaning = 'key_feature') kf
      left join lateral (select max(u.day) as last_day from usage_user_days u where u.account_id = ad.account_id and u.day <= ad.day) ls on true
      left join lateral (
        select count(distinct u.user_key) filter (where u.day > ad.day - 7) as au7, count(distinct u.user_key) as au30
        from usage_user_days u where u.account_id = ad.account_id and u.day > ad.day - 30 and u.day <= ad.day
      ) uu on true
      left join lateral (
        select sum(d.events) filter (where d.day > ad.day - 30) as cur,
          sum(d.events) filter (where d.day <= ad.day - 30) as prev,
          count(distinct d.event) filter (where d.day > ad.day - 30 and d.event in ${mapped('key_feature')}) as kf_used,
          sum(d.events) filter (where d.day > ad.day - 7 and d.event in ${mapped('pricing_view')}) as pricing7,
          sum(d.events) filter (where d.day > ad.day - 30 and d.event in ${mapped('support_ticket')}) as tickets30
        from usage_daily d where d.account_id = ad.account_id and d.day > ad.day - 60 and d.day <= ad.day
      ) ev on true
      left join lateral (
        select case when x.score ~ ${numeric} then x.score::numeric end as score from (
          select e.properties ->> m.score_property as score
          from event_mappings m
          join usage_events e on e.account_id = ad.account_id and e.event = m.event
            and e.occurred_at < ((ad.day + 1)::timestamp at time zone ${s.timeZone})
          where m.meaning = 'nps' and m.score_property is not null
          order by e.occurred_at desc limit 1
        ) x
      ) nps on true
      left join lateral (
        select max(t.occurred_at) as last_touch from touches t
        where t.account_id = ad.account_id and t.kind = 'activity_completed' and t.occurred_at < ((ad.day + 1)::timestamp at time zone ${s.timeZone})
      ) ht on true
      left join account_pulses p on p.account_id = ad.account_id and (p.set_at at time zone ${s.timeZone})::date <= ad.day and p.expires_on >= ad.day
    )`;
}

const measureColumn: Record<Exclude<HealthComponent['measure'], 'event_30d'>, string> = {
  active_users_30d: 'active_users_30d',
  active_users_7d: 'active_users_7d',
  days_since_seen: 'days_since_seen',
  feature_adoption: 'feature_adoption',
  usage_trend: 'usage_trend',
  pricing_views_7d: 'pricing_views_7d',
  tickets_30d: 'tickets_30d',
  nps: 'nps',
  days_since_human_touch: 'days_since_human_touch',
  pulse: 'pulse',
};

/** A component's value for row `sig` of the CTE, in float8: a column, or a custom event's count over 30 days (missing for an account never seen). */
function valueSql(c: HealthComponent): SQL {
  if (c.measure !== 'event_30d') return sql`sig.${sql.raw(measureColumn[c.measure])}::float8`;
  return sql`(case when sig.days_since_seen is null then null else (select coalesce(sum(d.events), 0) from usage_daily d
    where d.account_id = sig.account_id and d.event = ${c.event ?? ''} and d.day > sig.day - 30 and d.day <= sig.day) end)::float8`;
}

/** A number of the model as a float8 literal (checked finite: models are validated, this keeps SQL out of reach). */
function float(x: number): SQL {
  if (!Number.isFinite(x)) throw new Error(`Not a finite number: ${x}`);
  return sql.raw(`(${String(x)})::float8`);
}

/** Points 0–100 of the component whose value is column `v`, in float8, as lib/health/model.ts componentPoints. */
function pointsSql(c: HealthComponent, v: SQL): SQL {
  const up = c.at100 > c.at0;
  const x = up ? v : sql`(-${v})`;
  const [a0, a50, a100] = (up ? [c.at0, c.at50, c.at100] : [-c.at0, -c.at50, -c.at100]).map(float) as [SQL, SQL, SQL];
  return sql`(case when ${x} is null then null when ${x} <= ${a0} then 0::float8 when ${x} >= ${a100} then 100::float8
    when ${x} <= ${a50} then 50 * (${x} - ${a0}) / (${a50} - ${a0})
    else 50 + 50 * (${x} - ${a50}) / (${a100} - ${a50}) end)`;
}

/**
 * The CTE `scored` (account_id, day, score, band, data_share) under `model`,
 * after signalsCte: each value read once, points in float8, the score
 * rounded half up after dropping float noise, as lib/health/model.ts.
 * (`offset 0` keeps each level a subquery of its own: flattened, every
 * reference to a column would evaluate its whole expression again.)
 */
export function scoredCte(model: Pick<HealthModel, 'components' | 'poorMax' | 'averageMax'>): SQL {
  const total = model.components.reduce((s, c) => s + c.weight, 0);
  const col = (prefix: string, i: number) => sql.raw(`${prefix}${i}`);
  const values = model.components.map((c, i) => sql`, ${valueSql(c)} as ${col('v', i)}`);
  const points = model.components.map((c, i) => sql`, ${pointsSql(c, col('v', i))} as ${col('p', i)}`);
  const weighted = model.components.map((c, i) => sql`coalesce(${col('p', i)} * ${float(c.weight)}, 0)`);
  const withData = model.components.map((c, i) => sql`(case when ${col('p', i)} is null then 0 else ${float(c.weight)} end)`);
  const sum = (terms: SQL[]) => (terms.length ? sql.join(terms, sql` + `) : sql`0::float8`);
  return sql`
    scored as (
      select y.account_id, y.day, y.score,
        case when y.score is null then null when y.score <= ${model.poorMax} then 'poor' when y.score <= ${model.averageMax} then 'average' else 'good' end as band,
        round((y.weight_with_data / ${float(total || 1)})::numeric, 4) as data_share
      from (
        select x.account_id, x.day, x.weight_with_data,
          case when x.weight_with_data = 0 then null else floor(round((x.weighted / x.weight_with_data)::numeric, 6) + 0.5)::smallint end as score
        from (
          select pts.account_id, pts.day, ${sum(weighted)} as weighted, ${sum(withData)} as weight_with_data
          from (select vals.account_id, vals.day${sql.join(points, sql``)} from (select sig.account_id, sig.day${sql.join(values, sql``)} from sig offset 0) vals offset 0) pts
          offset 0
        ) x
        offset 0
      ) y
    )`;
}

export type HealthRecompute = HealthScope & { model: HealthModel };

/**
 * Works out signals and scores for the scope's accounts and days in one
 * statement: the history row of every day, and when the scope ends today,
 * the current signals and score. Returns how many account-days were scored.
 */
export async function writeHealth(db: DbOrTx, r: HealthRecompute): Promise<number> {
  const current =
    r.to === r.today
      ? sql`,
        signals as (
          insert into account_signals (account_id, day, days_since_seen, active_users_7d, active_users_30d, feature_adoption_pct, usage_trend_pct, pricing_views_7d, tickets_30d, nps, days_since_human_touch, pulse, computed_at)
          select account_id, day, days_since_seen, active_users_7d, active_users_30d, feature_adoption, usage_trend, pricing_views_7d, tickets_30d, nps, days_since_human_touch, pulse, now()
          from sig where day = ${r.today}::date
          on conflict (account_id) do update set day = excluded.day, days_since_seen = excluded.days_since_seen, active_users_7d = excluded.active_users_7d,
            active_users_30d = excluded.active_users_30d, feature_adoption_pct = excluded.feature_adoption_pct, usage_trend_pct = excluded.usage_trend_pct,
            pricing_views_7d = excluded.pricing_views_7d, tickets_30d = excluded.tickets_30d, nps = excluded.nps,
            days_since_human_touch = excluded.days_since_human_touch, pulse = excluded.pulse, computed_at = now()
        ),
        health as (
          insert into account_health (account_id, day, model_version, score, band, data_share, computed_at)
          select account_id, day, ${r.model.version}, score, band, data_share, now() from scored where day = ${r.today}::date
          on conflict (account_id) do update set day = excluded.day, model_version = excluded.model_version, score = excluded.score, band = excluded.band,
            data_share = excluded.data_share, computed_at = now()
        )`
      : sql``;
  const [{ n }] = (await queryRows<{ n: number }>(
    db,
    sql`with ${signalsCte(r)}, ${scoredCte(r.model)},
        history as (
          insert into health_history (account_id, day, model_version, score, band, data_share)
          select account_id, day, ${r.model.version}, score, band, data_share from scored
          on conflict (account_id, day) do update set model_version = excluded.model_version, score = excluded.score, band = excluded.band, data_share = excluded.data_share
          returning 1
        )${current}
        select count(*)::int as n from history`,
  )) as [{ n: number }];
  return n;
}

/** The CTE `sig` read from the stored signals (account_signals), for scoring them under another model without working them out again. */
const storedSignalsCte = sql`
  sig as (
    select account_id, day, days_since_seen, active_users_7d, active_users_30d, feature_adoption_pct as feature_adoption, usage_trend_pct as usage_trend,
      pricing_views_7d, tickets_30d, nps, days_since_human_touch, pulse
    from account_signals
  )`;

export type BandCounts = { poor: number; average: number; good: number; none: number };
export type PreviewChange = { accountId: number; name: string; beforeScore: number | null; beforeBand: string | null; afterScore: number | null; afterBand: string | null };

/**
 * Every account's score under `model`, from today's stored signals, against
 * its current score: the band distribution before and after, how many
 * accounts change band, and the `limit` that move most.
 */
export async function previewModel(db: DbOrTx, model: Pick<HealthModel, 'components' | 'poorMax' | 'averageMax'>, limit = 50): Promise<{ before: BandCounts; after: BandCounts; changed: number; changes: PreviewChange[] }> {
  const rows = await queryRows<{ kind: string; band: string | null; n: number } & Partial<PreviewChange>>(
    db,
    sql`with ${storedSignalsCte}, ${scoredCte(model)},
        cmp as (
          select a.id as account_id, a.name, h.score as before_score, h.band as before_band, s.score as after_score, s.band as after_band
          from accounts a left join account_health h on h.account_id = a.id left join scored s on s.account_id = a.id
        )
        select 'before' as kind, before_band as band, count(*)::int as n, null::int as "accountId", null as name, null::int as "beforeScore", null as "beforeBand", null::int as "afterScore", null as "afterBand" from cmp group by before_band
        union all
        select 'after', after_band, count(*)::int, null, null, null, null, null, null from cmp group by after_band
        union all
        select 'changed', null, count(*)::int, null, null, null, null, null, null from cmp where before_band is distinct from after_band
        union all
        (select 'change', null, 0, account_id, name, before_score, before_band, after_score, after_band from cmp
         where before_band is distinct from after_band
         order by abs(coalesce(after_score, 0) - coalesce(before_score, 0)) desc, account_id limit ${limit})`,
  );
  const counts = (kind: string): BandCounts => {
    const c = { poor: 0, average: 0, good: 0, none: 0 };
    for (const r of rows.filter((x) => x.kind === kind)) c[(r.band ?? 'none') as keyof BandCounts] += Number(r.n);
    return c;
  };
  return {
    before: counts('before'),
    after: counts('after'),
    changed: Number(rows.find((r) => r.kind === 'changed')?.n ?? 0),
    changes: rows
      .filter((r) => r.kind === 'change')
      .map((r) => ({ accountId: r.accountId!, name: r.name!, beforeScore: r.beforeScore ?? null, beforeBand: r.beforeBand ?? null, afterScore: r.afterScore ?? null, afterBand: r.afterBand ?? null })),
  };
}
