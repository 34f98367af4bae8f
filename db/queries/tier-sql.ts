import { sql, type SQL } from 'drizzle-orm';
import type { TierPolicy } from '@/lib/tiering/policy';

// lib/tiering states the rules; this is the same rule in SQL, for set-based
// re-tiering of every account in one statement. tier-sql.int.test.ts checks
// that both give the same LTV, tier and reason on a grid of edge cases.

/** LTV from the columns of table alias `a`, exact (integer division, half up). */
export function ltvSql(capYears: string): SQL {
  const cap = sql`${capYears}::numeric`;
  return sql`(case
    when a.arr is null or a.gross_margin_pct is null or a.annual_churn_pct is null then null
    when a.annual_churn_pct * ${cap} <= 100 then div(2 * a.arr * a.gross_margin_pct * ${cap} + 100, 200)
    else div(2 * a.arr * a.gross_margin_pct + a.annual_churn_pct, 2 * a.annual_churn_pct)
  end)`;
}

/**
 * A select over `accounts a` giving, per account, the LTV, computed tier and
 * reason under `policy`, and the tier it would then be in (an active
 * override still wins).
 *
 * `offset 0` keeps `l` and `b` as their own plan steps: without it PostgreSQL
 * folds them into the final select and repeats the LTV arithmetic wherever
 * `ltv` or `base_tier` is used, which tripled the time over 100,000 accounts.
 */
export function tieringSelect(policy: Omit<TierPolicy, 'version'>, today: string): SQL {
  const t1 = sql`${policy.tier1Threshold}::numeric`;
  const t2 = sql`${policy.tier2Threshold}::numeric`;
  return sql`
    with l as (
      select a.id, a.tier as current_tier, a.override_tier, a.override_until, a.growth_potential, a.churn_risk,
        ${ltvSql(policy.lifetimeCapYears)} as ltv,
        array_remove(array[
          case when a.arr is null then 'arr' end,
          case when a.gross_margin_pct is null then 'grossMarginPct' end,
          case when a.annual_churn_pct is null then 'annualChurnPct' end
        ], null) as missing
      from accounts a
      offset 0
    ), b as (
      select l.*, case when ltv >= ${t1} then 1 when ltv >= ${t2} then 2 else 3 end as base_tier from l offset 0
    ), r as (
      select b.*, case
        when base_tier = 1 then null
        when ${policy.raiseForGrowth} and growth_potential = 'high' then 'growth'
        when ${policy.raiseForChurnRisk} and churn_risk = 'high' then 'churnRisk'
      end as raised_by from b
    ), c as (
      select r.*, base_tier - (raised_by is not null)::int as computed_tier from r
    )
    select c.id, c.current_tier, c.ltv, c.computed_tier,
      case when c.override_tier is not null and (c.override_until is null or c.override_until >= ${today}::date)
        then c.override_tier else c.computed_tier end as new_tier,
      case when c.override_tier is not null and (c.override_until is null or c.override_until >= ${today}::date)
        then 'override' else 'computed' end as new_source,
      jsonb_build_object(
        'ltv', c.ltv::text,
        'missing', to_jsonb(c.missing),
        'baseTier', c.base_tier,
        'threshold', (case when c.base_tier = 1 then ${t1} else ${t2} end)::text,
        'raisedBy', c.raised_by
      ) as reason
    from c`;
}
