import { sql, type SQL } from 'drizzle-orm';
import type { AlertCondition, AlertScope } from '@/lib/alerts/conditions';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';

// Which accounts alert rules hold for today, with the values that make them
// hold (what a task will say), for every account at once. One pass over the
// accounts gathers the facts the rules ask about (`f`): today's stored signals
// and score (account_signals, account_health), the score some days back
// (health_history), pricing-page views per window and key features used since
// onboarding started (grouped reads of the roll-ups); each condition is then a
// test on those columns. All of a rule's conditions must hold (a
// combination), within its scope.

export type AlertRuleMatch = { conditions: AlertCondition[]; scope: AlertScope };

/** The events mapped to the meanings the conditions read, resolved before the match (literal lists let the planner use the (event, day) index). */
export type MappedEvents = { pricing: string[]; keyFeatures: string[] };

export async function mappedEvents(db: DbOrTx): Promise<MappedEvents> {
  const rows = await queryRows<{ meaning: string; event: string }>(db, sql`select meaning, event from event_mappings where meaning in ('pricing_view', 'key_feature') order by event`);
  return { pricing: rows.filter((r) => r.meaning === 'pricing_view').map((r) => r.event), keyFeatures: rows.filter((r) => r.meaning === 'key_feature').map((r) => r.event) };
}

type Context = { d: SQL; timeZone: string; mapped: MappedEvents };

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const distinct = (ns: number[]) => [...new Set(ns)].sort((a, b) => a - b);

/**
 * One row per account with the facts the given conditions read: tier, stage,
 * owner, renewal, the day onboarding started, days since anyone was seen
 * (as of today), NPS, score and band, pricing views per window (`pv_<days>`),
 * the score `<days>` back (`hd_<days>`) and key features used since onboarding
 * started (`features_used`).
 */
function factsSql(rules: AlertRuleMatch[], { d, timeZone, mapped }: Context): SQL {
  const conditions = rules.flatMap((r) => r.conditions);
  const pricingWindows = distinct(conditions.flatMap((c) => (c.kind === 'pricing_views' ? [c.days] : [])));
  const dropDays = distinct(conditions.flatMap((c) => (c.kind === 'health_drop' ? [c.days] : [])));
  const featureRules = rules.filter((r) => r.conditions.some((c) => c.kind === 'feature_unused'));
  const features = featureRules.length > 0 && mapped.keyFeatures.length > 0;
  const pricing = pricingWindows.length > 0 && mapped.pricing.length > 0;
  const created = sql`(a.created_at at time zone ${timeZone})::date`;

  const columns: SQL[] = [
    ...pricingWindows.map((days) => (pricing ? sql`coalesce(pv.${sql.raw(`v_${days}`)}, 0)::int as ${sql.raw(`pv_${days}`)}` : sql`0 as ${sql.raw(`pv_${days}`)}`)),
    ...dropDays.map((days) => sql`${sql.raw(`hd_${days}`)}.score as ${sql.raw(`hd_${days}`)}`),
    features ? sql`coalesce(fu.used, 0)::int as features_used` : sql`0 as features_used`,
  ];
  const joins: SQL[] = [];
  if (pricing) {
    // Every window's views in one grouped read of the pricing events' days over the widest window.
    const widest = pricingWindows[pricingWindows.length - 1]!;
    const sums = pricingWindows.map((days) => sql`sum(u.events) filter (where u.day > ${d} - ${days}::int) as ${sql.raw(`v_${days}`)}`);
    joins.push(sql`left join (select u.account_id, ${sql.join(sums, sql`, `)} from usage_daily u
      where u.event in (${list(mapped.pricing)}) and u.day > ${d} - ${widest}::int and u.day <= ${d}
      group by u.account_id) pv on pv.account_id = a.id`);
  }
  for (const days of dropDays) {
    const hd = sql.raw(`hd_${days}`);
    joins.push(sql`left join health_history ${hd} on ${hd}.account_id = a.id and ${hd}.day = ${d} - ${days}::int`);
  }
  if (features) {
    // Each (account, event) is one row of usage_last_events: the key features used since the start, counted in one grouped
    // read, for the accounts a feature rule could hold for (in its scope, started long enough ago).
    const started = sql`coalesce(a.onboarding_started_on, ${created})`;
    const could = featureRules.map((r) => {
      const days = Math.min(...r.conditions.flatMap((c) => (c.kind === 'feature_unused' ? [c.days] : [])));
      return sql`(${sql.join([...scopeTests(r.scope, sql`a`), sql`${d} - ${started} >= ${days}`], sql` and `)})`;
    });
    joins.push(sql`left join (select l.account_id, count(*) as used from usage_last_events l join accounts a on a.id = l.account_id
      where l.event in (${list(mapped.keyFeatures)}) and l.last_day >= ${started} and (${sql.join(could, sql` or `)})
      group by l.account_id) fu on fu.account_id = a.id`);
  }
  return sql`
    select a.id as account_id, a.owner_id, a.tier, a.lifecycle_stage, a.renewal_date, ${created} as created_on,
      coalesce(a.onboarding_started_on, ${created}) as started_on,
      s.days_since_seen + (${d} - s.day) as since_seen, s.nps, h.score, h.band,
      ${sql.join(columns, sql`, `)}
    from accounts a
    left join account_signals s on s.account_id = a.id
    left join account_health h on h.account_id = a.id
    ${sql.join(joins, sql` `)}`;
}

/** A condition's test on the facts `f`. */
function test(c: AlertCondition, { d, mapped }: Context): SQL {
  switch (c.kind) {
    case 'no_activity':
      // Signals are as of their day (since_seen adds the days after it); an account never seen counts from its creation.
      return sql`(f.since_seen >= ${c.days} or (f.since_seen is null and f.created_on <= ${d} - ${c.days}::int))`;
    case 'pricing_views':
      return sql`f.${sql.raw(`pv_${c.days}`)} >= ${c.views}`;
    case 'health_drop':
      return sql`f.${sql.raw(`hd_${c.days}`)} - f.score >= ${c.points}`;
    case 'band_poor':
      return sql`f.band = 'poor'`;
    case 'feature_unused':
      return mapped.keyFeatures.length ? sql`(${d} - f.started_on >= ${c.days} and f.features_used < ${mapped.keyFeatures.length})` : sql`false`;
    case 'renewal_health':
      return sql`(f.renewal_date >= ${d} and f.renewal_date <= ${d} + ${c.days}::int and f.score < ${c.below})`;
    case 'nps_low':
      return sql`f.nps <= ${c.max}`;
  }
}

/** A condition's values (key, value pairs of jsonb_build_object) for an account it holds for. */
function values(c: AlertCondition, { mapped }: Context): SQL {
  switch (c.kind) {
    case 'no_activity':
      return sql`'daysSinceSeen', f.since_seen`;
    case 'pricing_views':
      return sql`'pricingViews', f.${sql.raw(`pv_${c.days}`)}`;
    case 'health_drop':
      return sql`'score', f.score, 'scoreThen', f.${sql.raw(`hd_${c.days}`)}`;
    case 'band_poor':
      return sql`'score', f.score`;
    case 'feature_unused': {
      // Which ones: worked out for the accounts returned only.
      const unused = mapped.keyFeatures.length
        ? sql`(select array_agg(m.event order by m.event) from unnest(array[${list(mapped.keyFeatures)}]::text[]) m(event)
            where not exists (select 1 from usage_last_events l where l.account_id = f.account_id and l.event = m.event and l.last_day >= f.started_on))`
        : sql`null`;
      return sql`'onboardingStartedOn', f.started_on, 'unusedFeatures', ${unused}`;
    }
    case 'renewal_health':
      return sql`'renewalDate', f.renewal_date, 'score', f.score`;
    case 'nps_low':
      return sql`'nps', f.nps`;
  }
}

/** Whether the rule holds for the account whose facts are `f`: its scope and every condition. */
function holds(rule: AlertRuleMatch, ctx: Context): SQL {
  const tests = [...scopeTests(rule.scope, sql`f`), ...rule.conditions.map((c) => test(c, ctx))];
  return rule.conditions.length ? sql.join(tests, sql` and `) : sql`false`;
}

/** The scope's tier and stage tests on the row `t` (accounts or facts). */
function scopeTests(scope: AlertScope, t: SQL): SQL[] {
  return [
    ...(scope.tiers.length ? [sql`${t}.tier in (${sql.join(scope.tiers.map((tier) => sql`${tier}`), sql`, `)})`] : []),
    ...(scope.stages.length ? [sql`${t}.lifecycle_stage in (${sql.join(scope.stages.map((st) => sql`${st}::lifecycle_stage`), sql`, `)})`] : []),
  ];
}

/** The rule's values for the account whose facts are `f`. */
function valuesOf(rule: AlertRuleMatch, ctx: Context): SQL {
  return sql`jsonb_build_object(${sql.join(rule.conditions.map((c) => values(c, ctx)), sql`, `)})`;
}

export type MatchInput = { today: LocalDate; timeZone: string; mapped: MappedEvents };

const context = ({ today, timeZone, mapped }: MatchInput): Context => ({ d: sql`${today}::date`, timeZone, mapped });

/** A select of (account_id, owner_id, "values") for the accounts the rule holds for on `today`. */
export function alertMatchSql(rule: AlertRuleMatch, input: MatchInput): SQL {
  const ctx = context(input);
  return sql`select f.account_id, f.owner_id, ${valuesOf(rule, ctx)} as "values" from (${factsSql([rule], ctx)}) f where ${holds(rule, ctx)}`;
}

/**
 * The facts once for several rules, as `with f as (…)`, and per rule its test
 * and values on `f`: the evaluation matches every rule in one pass.
 */
export function alertFactsSql(rules: AlertRuleMatch[], input: MatchInput): { facts: SQL; holds: SQL[]; values: SQL[] } {
  const ctx = context(input);
  return { facts: factsSql(rules, ctx), holds: rules.map((r) => holds(r, ctx)), values: rules.map((r) => valuesOf(r, ctx)) };
}

export type MatchedAccount = { id: number; name: string; tier: number; ownerName: string | null; values: Record<string, unknown> };

/** How many accounts the rule holds for now, and the first `limit` of them by name: the rule editor's preview. */
export async function previewAlertRule(db: DbOrTx, rule: AlertRuleMatch, today: LocalDate, timeZone: string, limit = 50): Promise<{ total: number; accounts: MatchedAccount[] }> {
  if (!rule.conditions.length) return { total: 0, accounts: [] };
  const mapped = await mappedEvents(db);
  const rows = await queryRows<MatchedAccount & { total: number }>(
    db,
    sql`with matched as (${alertMatchSql(rule, { today, timeZone, mapped })})
        select a.id, a.name, a.tier, u.name as "ownerName", m."values", count(*) over ()::int as total
        from matched m join accounts a on a.id = m.account_id left join users u on u.id = a.owner_id
        order by a.name, a.id limit ${limit}`,
  );
  return { total: rows[0]?.total ?? 0, accounts: rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier, ownerName: r.ownerName, values: r.values })) };
}
