import { sql, type SQL } from 'drizzle-orm';
import type { CostSettings, Tier } from '@/lib/economics/cost';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';
import { deliveredRuleHours, sessionHours } from './delivered-hours';

// Unit economics per tier and per account over a period (lib/economics/):
// hours delivered per account, each one set-based statement over every
// account. Hours delivered have the definition of delivered-hours.ts, which
// the capacity page uses per person (db/queries/capacity.ts); here they are
// per account:
// - a completed activity starting in the period counts the hours of the rule
//   of the account's current tier's playbook for its type, else its own
//   length (grouped by account and type first: n × rule hours, or the summed
//   minutes ÷ 60, which is the same sum);
// - a session starting in the period, not cancelled, counts its hours
//   (length + preparation) once, shared equally among the distinct accounts
//   whose contacts attended it. (Capacity counts a session once per host;
//   cost counts the session, so per-account hours add up to the activities'
//   hours plus each attended session's hours once.)
// Each account's hours are rounded to 6 decimals (a third of an hour stays
// within 0.0036 s); the money arithmetic on them is exact (lib/economics/cost.ts).

export type EconomicsWindow = {
  /** The period as the workspace's dates (coverage obligations by due date)… */
  from: LocalDate;
  to: LocalDate;
  /** …and as the instants it runs between in the workspace zone, [fromAt, toAt). */
  fromAt: Date;
  toAt: Date;
};

/**
 * The CTEs `rules`, `hours` (account_id, hours) for the accounts that had
 * any in the window. `only` narrows the activities and attendances read to
 * some accounts (a subquery of ids); a session's share is still split over
 * every account it served.
 */
function hoursCtes(w: EconomicsWindow, only?: SQL): SQL {
  const from = sql`${w.fromAt.toISOString()}::timestamptz`;
  const to = sql`${w.toAt.toISOString()}::timestamptz`;
  return sql`
    rules as (${deliveredRuleHours}),
    by_type as (
      select a.account_id, a.activity_type_id, count(*) as n, sum(a.duration_minutes) as minutes
      from activities a
      where a.status = 'completed' and a.starts_at >= ${from} and a.starts_at < ${to} ${only ? sql`and a.account_id in (${only})` : sql``}
      group by a.account_id, a.activity_type_id
    ),
    activity_hours as (
      select t.account_id, sum(coalesce(r.hours * t.n, t.minutes / 60.0)) as hours
      from by_type t
      join accounts acc on acc.id = t.account_id
      left join rules r on r.tier = acc.tier and r.activity_type_id = t.activity_type_id
      group by t.account_id
    ),
    served as (
      select distinct i.session_id, i.account_id
      from program_invitations i join program_sessions s on s.id = i.session_id
      where i.status = 'attended' and not s.cancelled and s.starts_at >= ${from} and s.starts_at < ${to}
        ${only ? sql`and i.session_id in (select session_id from program_invitations where status = 'attended' and account_id in (${only}))` : sql``}
    ),
    session_hours as (
      select x.account_id, sum(x.share) as hours
      from (
        select v.account_id, ${sessionHours} / count(*) over (partition by v.session_id) as share
        from served v join program_sessions s on s.id = v.session_id
      ) x
      ${only ? sql`where x.account_id in (${only})` : sql``}
      group by x.account_id
    ),
    hours as (
      select account_id, round(sum(hours), 6) as hours
      from (select account_id, hours from activity_hours union all select account_id, hours from session_hours) u
      group by account_id
    )`;
}

/** The exact cost of `acc` with hours `h.hours` (SQL numeric is exact), for filtering and ordering; pages show lib's figure. */
const costOf = (s: CostSettings, months: number) =>
  sql`(coalesce(h.hours, 0) * ${s.hourlyCost}::numeric
      + (case acc.tier when 1 then ${s.tooling[1]}::numeric when 2 then ${s.tooling[2]}::numeric else ${s.tooling[3]}::numeric end) * ${months})`;

/** Cost over the threshold share of the months' ARR (cost × 1200 > threshold × ARR × months), as lib/economics exceedsShare. */
const overLine = (s: CostSettings, months: number) =>
  sql`(acc.arr is not null and ${costOf(s, months)} * 1200 > ${s.thresholdPct}::numeric * acc.arr * ${months})`;

export type EconomicsTierRow = { tier: Tier; accounts: number; arr: string; ltv: string; hours: string; over: number };

/** Per tier (current tiers): accounts, ARR and LTV in total, hours delivered in the window, and how many accounts cost more than the threshold share of ARR. */
export async function economicsByTier(db: DbOrTx, w: EconomicsWindow, s: CostSettings, months: number): Promise<EconomicsTierRow[]> {
  const rows = await queryRows<EconomicsTierRow>(
    db,
    sql`with ${hoursCtes(w)}
        select acc.tier, count(*)::int as accounts, coalesce(sum(acc.arr), 0)::text as arr, coalesce(sum(acc.ltv), 0)::text as ltv,
          coalesce(sum(h.hours), 0)::text as hours, (count(*) filter (where ${overLine(s, months)}))::int as over
        from accounts acc left join hours h on h.account_id = acc.id
        group by acc.tier order by acc.tier`,
  );
  const byTier = new Map(rows.map((r) => [Number(r.tier), r]));
  return ([1, 2, 3] as const).map((tier) => {
    const r = byTier.get(tier);
    return { tier, accounts: Number(r?.accounts ?? 0), arr: r?.arr ?? '0', ltv: r?.ltv ?? '0', hours: r?.hours ?? '0', over: Number(r?.over ?? 0) };
  });
}

export type EconomicsAccountRow = {
  id: number;
  name: string;
  tier: Tier;
  ownerId: number | null;
  ownerName: string | null;
  arr: string | null;
  ltv: string | null;
  /** Hours delivered in the window, 6 decimals. */
  hours: string;
  /** Coverage in the window: obligations due and met on time (0 and 0 when nothing was due). */
  due: number;
  onTime: number;
};

/**
 * - `over`: accounts whose cost to serve exceeds the threshold share of ARR
 *   (high-touch on low value), highest share first (no ARR at all first);
 * - `uncared`: Tier 1 accounts with coverage under 50 % (value left without
 *   care), lowest coverage first, then the largest ARR;
 * - `all`: every account by id, in pages after `afterId` (the CSV).
 */
export type EconomicsList = 'over' | 'uncared' | 'all';

export const economicsPageSize = 50;

/** One page of a list of accounts with their economics inputs, and how many the list holds. */
export async function economicsAccounts(
  db: DbOrTx,
  w: EconomicsWindow,
  s: CostSettings,
  months: number,
  o: { list: EconomicsList; page?: number; afterId?: number; limit?: number },
): Promise<{ rows: EconomicsAccountRow[]; total: number }> {
  const limit = o.limit ?? economicsPageSize;
  const offset = o.list === 'all' ? 0 : (Math.max(1, o.page ?? 1) - 1) * limit;
  // What each list reads: the CSV a slice of accounts by id, the Tier 1 list Tier 1 accounts only.
  const only =
    o.list === 'all' ? sql`select id from accounts where id > ${o.afterId ?? 0} order by id limit ${limit}` : o.list === 'uncared' ? sql`select id from accounts where tier = 1` : undefined;
  const where = o.list === 'over' ? overLine(s, months) : o.list === 'uncared' ? sql`acc.tier = 1 and c.due > 0 and c.on_time * 2 < c.due` : sql`acc.id in (${only!})`;
  const order =
    o.list === 'over'
      ? sql`acc.arr = 0 desc, ${costOf(s, months)} / nullif(acc.arr, 0) desc, acc.id`
      : o.list === 'uncared'
        ? sql`c.on_time::numeric / c.due, acc.arr desc nulls last, acc.id`
        : sql`acc.id`;
  const rows = await queryRows<EconomicsAccountRow & { total: number }>(
    db,
    sql`with ${hoursCtes(w, only)},
        cov as (
          select o.account_id, (count(*) filter (where o.status <> 'not_yet_due'))::int as due, (count(*) filter (where o.status = 'on_time'))::int as on_time
          from coverage_obligations o
          where o.due between ${w.from}::date and ${w.to}::date and o.status <> 'ended' ${only ? sql`and o.account_id in (${only})` : sql``}
          group by o.account_id
        )
        select acc.id, acc.name, acc.tier, acc.owner_id as "ownerId", u.name as "ownerName", acc.arr::text as arr, acc.ltv::text as ltv,
          coalesce(h.hours, 0)::text as hours, coalesce(c.due, 0) as due, coalesce(c.on_time, 0) as "onTime", count(*) over ()::int as total
        from accounts acc
        left join hours h on h.account_id = acc.id
        left join cov c on c.account_id = acc.id
        left join users u on u.id = acc.owner_id
        where ${where}
        order by ${order}
        limit ${limit} offset ${offset}`,
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      tier: Number(r.tier) as Tier,
      ownerId: r.ownerId,
      ownerName: r.ownerName,
      arr: r.arr,
      ltv: r.ltv,
      hours: r.hours,
      due: Number(r.due),
      onTime: Number(r.onTime),
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}
