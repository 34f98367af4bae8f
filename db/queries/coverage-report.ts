import { sql, type SQL } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import type { CoverageCounts } from '@/lib/coverage/obligations';
import type { RuleKey } from '@/lib/coverage/rule-key';
import type { CadenceUnit, ObligationStatus, TouchKind } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';

// Coverage figures for a period, summed from coverage_counts (how many
// obligations fall due each day per tier, owner, rule and status, kept with
// coverage_obligations by triggers; ended ones are not counted), and the
// obligations behind a figure read from coverage_obligations. An obligation
// belongs to the period its due date falls in, to the tier whose playbook
// asked for it and to its account's current owner.

/** ownerId: one CSM's book; null: the accounts nobody owns; undefined: all. */
export type CoverageScope = { from: LocalDate; to: LocalDate; ownerId?: number | null; tier?: number; rule?: RuleKey };

const ruleWhere = (r: RuleKey | undefined, t: string): SQL =>
  r === undefined
    ? sql``
    : sql`and ${sql.raw(t)}.tier = ${r.tier} and ${sql.raw(t)}.every = ${r.every} and ${sql.raw(t)}.unit = ${r.unit}
          and ${
            r.campaignId !== null
              ? sql`${sql.raw(t)}.touch_kind = 'campaign_delivered' and ${sql.raw(t)}.campaign_id = ${r.campaignId}`
              : r.touchKind === null
                ? sql`${sql.raw(t)}.touch_kind is null and ${sql.raw(t)}.activity_type_id = ${r.activityTypeId}`
                : sql`${sql.raw(t)}.touch_kind = ${r.touchKind} and ${sql.raw(t)}.campaign_id is null`
          }`;

/** The scope as a condition on `t` (coverage_counts or coverage_obligations: the same columns). */
const where = (s: CoverageScope, t: string): SQL =>
  sql`${sql.raw(t)}.due between ${s.from}::date and ${s.to}::date
      ${s.ownerId === undefined ? sql`` : s.ownerId === null ? sql`and ${sql.raw(t)}.owner_id is null` : sql`and ${sql.raw(t)}.owner_id = ${s.ownerId}`}
      ${s.tier === undefined ? sql`` : sql`and ${sql.raw(t)}.tier = ${s.tier}`}
      ${ruleWhere(s.rule, t)}`;

const counts = sql`
  coalesce(sum(c.n) filter (where c.status <> 'not_yet_due'), 0)::int as due,
  coalesce(sum(c.n) filter (where c.status = 'on_time'), 0)::int as "onTime",
  coalesce(sum(c.n) filter (where c.status = 'late'), 0)::int as late,
  coalesce(sum(c.n) filter (where c.status = 'missed'), 0)::int as missed,
  coalesce(sum(c.n) filter (where c.status = 'overdue'), 0)::int as overdue,
  coalesce(sum(c.n) filter (where c.status = 'not_yet_due'), 0)::int as "notYetDue"`;

export type CoverageRow = CoverageCounts & { tier: number | null; ownerId: number | null; ownerName: string | null; grouping: 'tier' | 'owner' | 'total' };

/** Counts by tier, by owner (no owner: one row with ownerId null), and in total, in one statement. */
export async function coverageSummary(db: DbOrTx, scope: CoverageScope): Promise<CoverageRow[]> {
  const rows = await queryRows<CoverageRow & { g_tier: number; g_owner: number }>(
    db,
    sql`with g as (
          select c.tier, c.owner_id, ${counts}, grouping(c.tier) as g_tier, grouping(c.owner_id) as g_owner
          from coverage_counts c
          where ${where(scope, 'c')} and c.n <> 0
          group by grouping sets ((c.tier), (c.owner_id), ())
        )
        select g.tier, g.owner_id as "ownerId", u.name as "ownerName", g.due, g."onTime", g.late, g.missed, g.overdue, g."notYetDue", g.g_tier, g.g_owner
        from g left join users u on u.id = g.owner_id
        order by 1 nulls last, 3 nulls last`,
  );
  return rows.map(({ g_tier, g_owner, ...r }) => ({
    ...r,
    tier: r.tier === null ? null : Number(r.tier),
    grouping: Number(g_tier) === 0 ? 'tier' : Number(g_owner) === 0 ? 'owner' : 'total',
  }));
}

export type CoverageMonth = CoverageCounts & { month: string; tier: number | null };

/** Counts per month of the due date (YYYY-MM), per tier and in total (tier null), in one statement; months with nothing are absent. */
export async function coverageTrend(db: DbOrTx, scope: CoverageScope): Promise<CoverageMonth[]> {
  const rows = await queryRows<CoverageMonth>(
    db,
    sql`select to_char(date_trunc('month', c.due), 'YYYY-MM') as month, c.tier, ${counts}
        from coverage_counts c
        where ${where(scope, 'c')} and c.n <> 0
        group by grouping sets ((date_trunc('month', c.due), c.tier), (date_trunc('month', c.due)))
        order by 1, 2 nulls first`,
  );
  return rows.map((r) => ({ ...r, tier: r.tier === null ? null : Number(r.tier) }));
}

export type CoverageByRule = CoverageCounts &
  RuleKey & { activityTypeKey: string | null; activityTypeName: string | null; campaignName: string | null };

/** Counts per playbook rule (tier, what it asks for, how often), Tier 1 first, then by cadence. */
export async function coverageByRule(db: DbOrTx, scope: CoverageScope): Promise<CoverageByRule[]> {
  const rows = await queryRows<CoverageByRule>(
    db,
    sql`with g as (
          select c.tier, c.activity_type_id, c.touch_kind, c.campaign_id, c.every, c.unit, ${counts}
          from coverage_counts c
          where ${where(scope, 'c')} and c.n <> 0
          group by c.tier, c.activity_type_id, c.touch_kind, c.campaign_id, c.every, c.unit
        )
        select g.tier, g.activity_type_id as "activityTypeId", g.touch_kind as "touchKind", g.campaign_id as "campaignId", g.every, g.unit,
          t.key as "activityTypeKey", t.name as "activityTypeName", k.name as "campaignName", g.due, g."onTime", g.late, g.missed, g.overdue, g."notYetDue"
        from g left join activity_types t on t.id = g.activity_type_id
        left join campaigns k on k.id = g.campaign_id
        order by g.tier, g.unit desc, g.every, 7, g.touch_kind, 9`,
  );
  const num = (n: number | null) => (n === null ? null : Number(n));
  return rows.map((r) => ({ ...r, tier: Number(r.tier), every: Number(r.every), activityTypeId: num(r.activityTypeId), campaignId: num(r.campaignId) }));
}

export type CoverageGap = {
  accountId: number;
  accountName: string;
  tier: number;
  ownerName: string | null;
  activityTypeId: number | null;
  activityTypeKey: string | null;
  activityTypeName: string | null;
  touchKind: TouchKind | null;
  campaignId: number | null;
  campaignName: string | null;
  every: number;
  unit: CadenceUnit;
  due: LocalDate;
  status: ObligationStatus;
  metOn: LocalDate | null;
};

export const gapPageSize = 50;

/**
 * The obligations behind a figure: by default the open gaps (overdue, then
 * missed), oldest due first. Each status is read in index order (status,
 * due) and cut at the page's end before the pages are put together, so a
 * page costs the same at 1,000 or 1,000,000 obligations; the total is
 * summed from the counts.
 */
export async function coverageGaps(
  db: DbOrTx,
  scope: CoverageScope & { statuses: readonly ObligationStatus[]; page: number },
): Promise<{ rows: CoverageGap[]; total: number }> {
  const statuses = [...new Set(scope.statuses)];
  if (!statuses.length) return { rows: [], total: 0 };
  const offset = (Math.max(1, scope.page) - 1) * gapPageSize;
  const branches = statuses.map(
    (status) =>
      sql`(select o.id, o.due, ${status === 'overdue' ? 0 : 1} as rank from coverage_obligations o
          where ${where(scope, 'o')} and o.status = ${status}::obligation_status
          order by o.due, o.id limit ${offset + gapPageSize})`,
  );
  const [rows, [sum]] = await Promise.all([
    queryRows<CoverageGap>(
      db,
      sql`with page as (
            select p.id, p.due, p.rank from (${sql.join(branches, sql` union all `)}) p
            order by p.rank, p.due, p.id limit ${gapPageSize} offset ${offset}
          )
          select o.account_id as "accountId", a.name as "accountName", o.tier, u.name as "ownerName",
            o.activity_type_id as "activityTypeId", t.key as "activityTypeKey", t.name as "activityTypeName", o.touch_kind as "touchKind",
            o.campaign_id as "campaignId", k.name as "campaignName", o.every, o.unit, to_char(o.due, 'YYYY-MM-DD') as due, o.status, to_char(o.met_on, 'YYYY-MM-DD') as "metOn"
          from page p
          join coverage_obligations o on o.id = p.id
          join accounts a on a.id = o.account_id
          left join users u on u.id = o.owner_id
          left join activity_types t on t.id = o.activity_type_id
          left join campaigns k on k.id = o.campaign_id
          order by p.rank, p.due, p.id`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select coalesce(sum(c.n), 0)::int as total from coverage_counts c
          where ${where(scope, 'c')} and c.status = any(${`{${statuses.join(',')}}`}::obligation_status[])`,
    ),
  ]);
  return { rows: rows.map((r) => ({ ...r, tier: Number(r.tier), every: Number(r.every) })), total: Number(sum?.total ?? 0) };
}

/** When the figures were last brought up to date, or null before the first run. */
export async function coverageFreshness(db: DbOrTx): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(db, sql`select max(finished_at) as at from coverage_runs`);
  return row?.at ? new Date(row.at) : null;
}
