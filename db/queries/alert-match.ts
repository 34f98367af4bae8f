import { sql, type SQL } from 'drizzle-orm';
import type { AlertCondition, AlertScope } from '@/lib/alerts/conditions';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';

// Which accounts an alert rule's conditions hold for today, with the values
// that make them hold (what a task will say), for every account at once:
// from today's stored signals and score (account_signals, account_health),
// the health history, the pricing-page roll-ups and each event name's last
// use. All conditions must hold (a combination), within the scope.

export type AlertRuleMatch = { conditions: AlertCondition[]; scope: AlertScope };

/** A condition's test, the values it reports, and (set-based conditions) the grouped rows it joins. */
type Part = { where: SQL; values: SQL; join?: SQL };

/** Condition `i` of a rule; `scope`: the rule's tier and stage tests on `a` (accounts), for the grouped reads. */
function part(c: AlertCondition, d: SQL, tz: string, i: number, scope: SQL[]): Part {
  const created = sql`(a.created_at at time zone ${tz})::date`;
  switch (c.kind) {
    case 'no_activity': {
      // Signals are as of their day: a day later, a day more since last seen.
      const since = sql`(s.days_since_seen + (${d} - s.day))`;
      return {
        where: sql`(${since} >= ${c.days} or (s.days_since_seen is null and ${created} <= ${d} - ${c.days}::int))`,
        values: sql`'daysSinceSeen', ${since}`,
      };
    }
    case 'pricing_views': {
      // Every account's views in one grouped read of the pricing events' days (the (event, day) index), not a lookup per account.
      const p = sql.raw(`pv${i}`);
      const join = sql`left join (select u.account_id, sum(u.events) as views from usage_daily u
          where u.event in (select m.event from event_mappings m where m.meaning = 'pricing_view') and u.day > ${d} - ${c.days}::int and u.day <= ${d}
          group by u.account_id) ${p} on ${p}.account_id = a.id`;
      return { where: sql`coalesce(${p}.views, 0) >= ${c.views}`, values: sql`'pricingViews', coalesce(${p}.views, 0)`, join };
    }
    case 'health_drop': {
      // Joined (read once for the test and the values); with an index on (day, account_id) the planner reads that day's rows in one pass.
      const hh = sql.raw(`hd${i}`);
      return {
        where: sql`h.score is not null and ${hh}.score - h.score >= ${c.points}`,
        values: sql`'score', h.score, 'scoreThen', ${hh}.score`,
        join: sql`left join health_history ${hh} on ${hh}.account_id = a.id and ${hh}.day = ${d} - ${c.days}::int`,
      };
    }
    case 'band_poor':
      return { where: sql`h.band = 'poor'`, values: sql`'score', h.score` };
    case 'feature_unused': {
      const start = sql`coalesce(a.onboarding_started_on, ${created})`;
      const unused = sql`(select array_agg(m.event order by m.event) from event_mappings m where m.meaning = 'key_feature'
        and not exists (select 1 from usage_last_events l where l.account_id = a.id and l.event = m.event and l.last_day >= ${start}))`;
      // The test: fewer key features used since the start than are mapped, counted for the scope's accounts in one grouped
      // read (each (account, event) is one row); the list of unused ones is worked out for the matches only.
      const f = sql.raw(`fu${i}`);
      const join = sql`left join (select l.account_id, count(*) as used from usage_last_events l join accounts a on a.id = l.account_id
          where l.event in (select m.event from event_mappings m where m.meaning = 'key_feature') and l.last_day >= ${start}
            ${scope.length ? sql`and ${sql.join(scope, sql` and `)}` : sql``}
          group by l.account_id) ${f} on ${f}.account_id = a.id`;
      return {
        where: sql`${d} - ${start} >= ${c.days} and coalesce(${f}.used, 0) < (select count(*) from event_mappings m where m.meaning = 'key_feature')`,
        values: sql`'onboardingStartedOn', ${start}, 'unusedFeatures', ${unused}`,
        join,
      };
    }
    case 'renewal_health':
      return {
        where: sql`a.renewal_date >= ${d} and a.renewal_date <= ${d} + ${c.days}::int and h.score < ${c.below}`,
        values: sql`'renewalDate', a.renewal_date, 'score', h.score`,
      };
    case 'nps_low':
      return { where: sql`s.nps <= ${c.max}`, values: sql`'nps', s.nps` };
  }
}

/** A select of (account_id, "values") for the accounts the rule holds for on `today`. */
export function alertMatchSql(rule: AlertRuleMatch, today: LocalDate, timeZone: string): SQL {
  const d = sql`${today}::date`;
  const scope = [
    ...(rule.scope.tiers.length ? [sql`a.tier in (${sql.join(rule.scope.tiers.map((t) => sql`${t}`), sql`, `)})`] : []),
    ...(rule.scope.stages.length ? [sql`a.lifecycle_stage in (${sql.join(rule.scope.stages.map((st) => sql`${st}::lifecycle_stage`), sql`, `)})`] : []),
  ];
  const parts = rule.conditions.map((c, i) => part(c, d, timeZone, i, scope));
  const where = [...scope, ...parts.map((p) => p.where)];
  return sql`
    select a.id as account_id, jsonb_build_object(${parts.length ? sql.join(parts.map((p) => p.values), sql`, `) : sql``}) as "values"
    from accounts a
    left join account_signals s on s.account_id = a.id
    left join account_health h on h.account_id = a.id
    ${sql.join(parts.flatMap((p) => (p.join ? [p.join] : [])), sql` `)}
    where ${where.length ? sql.join(where, sql` and `) : sql`true`}`;
}

export type MatchedAccount = { id: number; name: string; tier: number; ownerName: string | null; values: Record<string, unknown> };

/** How many accounts the rule holds for now, and the first `limit` of them by name: the rule editor's preview. */
export async function previewAlertRule(db: DbOrTx, rule: AlertRuleMatch, today: LocalDate, timeZone: string, limit = 50): Promise<{ total: number; accounts: MatchedAccount[] }> {
  if (!rule.conditions.length) return { total: 0, accounts: [] };
  const rows = await queryRows<MatchedAccount & { total: number }>(
    db,
    sql`with matched as (${alertMatchSql(rule, today, timeZone)})
        select a.id, a.name, a.tier, u.name as "ownerName", m."values", count(*) over ()::int as total
        from matched m join accounts a on a.id = m.account_id left join users u on u.id = a.owner_id
        order by a.name, a.id limit ${limit}`,
  );
  return { total: rows[0]?.total ?? 0, accounts: rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier, ownerName: r.ownerName, values: r.values })) };
}
