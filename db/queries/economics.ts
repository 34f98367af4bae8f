import { sql } from 'drizzle-orm';
import type { CostSettings, Tier } from '@/lib/economics/cost';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';

// Unit economics per tier and per account over a period (lib/economics/),
// read from a snapshot of every account's inputs in that window (tier, ARR,
// LTV, hours delivered, coverage), kept up to date by economics-snapshot.ts.
// Costs and the threshold are applied here, at read time, so changing them
// needs no new snapshot; the money arithmetic is exact (lib/economics/cost.ts).

export type EconomicsWindow = {
  /** The period as the workspace's dates (coverage obligations by due date)… */
  from: LocalDate;
  to: LocalDate;
  /** …and as the instants it runs between in the workspace zone, [fromAt, toAt). */
  fromAt: Date;
  toAt: Date;
};

/** The exact cost of snapshot row `e` (SQL numeric is exact), for filtering and ordering; pages show lib's figure. */
const costOf = (s: CostSettings, months: number) =>
  sql`(e.hours * ${s.hourlyCost}::numeric
      + (case e.tier when 1 then ${s.tooling[1]}::numeric when 2 then ${s.tooling[2]}::numeric else ${s.tooling[3]}::numeric end) * ${months})`;

/** Cost over the threshold share of the months' ARR (cost × 1200 > threshold × ARR × months), as lib/economics exceedsShare. */
const overLine = (s: CostSettings, months: number) => sql`(e.arr is not null and ${costOf(s, months)} * 1200 > ${s.thresholdPct}::numeric * e.arr * ${months})`;

export type EconomicsTierRow = { tier: Tier; accounts: number; arr: string; ltv: string; hours: string; over: number };

/** Per tier: accounts, ARR and LTV in total, hours delivered in the snapshot's window, and how many accounts cost more than the threshold share of ARR. */
export async function economicsByTier(db: DbOrTx, runId: number, s: CostSettings, months: number): Promise<EconomicsTierRow[]> {
  const rows = await queryRows<EconomicsTierRow>(
    db,
    sql`select e.tier, count(*)::int as accounts, coalesce(sum(e.arr), 0)::text as arr, coalesce(sum(e.ltv), 0)::text as ltv,
          coalesce(sum(e.hours), 0)::text as hours, (count(*) filter (where ${overLine(s, months)}))::int as over
        from economics_accounts e where e.run_id = ${runId}
        group by e.tier order by e.tier`,
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

/** One page of a list of a snapshot's accounts, and how many the list holds. */
export async function economicsAccounts(
  db: DbOrTx,
  runId: number,
  s: CostSettings,
  months: number,
  o: { list: EconomicsList; page?: number; afterId?: number; limit?: number },
): Promise<{ rows: EconomicsAccountRow[]; total: number }> {
  const limit = o.limit ?? economicsPageSize;
  const offset = o.list === 'all' ? 0 : (Math.max(1, o.page ?? 1) - 1) * limit;
  const where =
    o.list === 'over' ? overLine(s, months) : o.list === 'uncared' ? sql`e.tier = 1 and e.due > 0 and e.on_time * 2 < e.due` : sql`e.account_id > ${o.afterId ?? 0}`;
  const order =
    o.list === 'over'
      ? sql`e.arr = 0 desc, ${costOf(s, months)} / nullif(e.arr, 0) desc, e.account_id`
      : o.list === 'uncared'
        ? sql`e.on_time::numeric / e.due, e.arr desc nulls last, e.account_id`
        : sql`e.account_id`;
  const rows = await queryRows<EconomicsAccountRow & { total: number }>(
    db,
    sql`with page as (
          select e.*, count(*) over ()::int as total from economics_accounts e
          where e.run_id = ${runId} and ${where}
          order by ${order}
          limit ${limit} offset ${offset}
        )
        select e.account_id as id, acc.name, e.tier, acc.owner_id as "ownerId", u.name as "ownerName", e.arr::text as arr, e.ltv::text as ltv,
          e.hours::text as hours, e.due, e.on_time as "onTime", e.total
        from page e
        join accounts acc on acc.id = e.account_id
        left join users u on u.id = acc.owner_id
        order by ${order}`,
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
