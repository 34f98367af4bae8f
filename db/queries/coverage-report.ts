import { sql, type SQL } from 'drizzle-orm';
import type { LocalDate } from '@/lib/scheduling/local-date';
import type { CoverageCounts } from '@/lib/coverage/obligations';
import type { RuleKey } from '@/lib/coverage/rule-key';
import type { CadenceUnit, ObligationStatus, TouchKind } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';

// Coverage figures for a period, counted from coverage_obligations (kept by
// the coverage job, lib/server/coverage.ts): an obligation belongs to the
// period its due date falls in; ended ones are not counted. By the
// accounts' current owner and the tier whose playbook asked for it.

/** ownerId: one CSM's book; null: the accounts nobody owns; undefined: all. */
export type CoverageScope = { from: LocalDate; to: LocalDate; ownerId?: number | null; tier?: number; rule?: RuleKey };

const ruleWhere = (r: RuleKey | undefined): SQL =>
  r === undefined
    ? sql``
    : sql`and o.tier = ${r.tier} and o.every = ${r.every} and o.unit = ${r.unit}
          and ${r.touchKind === null ? sql`o.touch_kind is null and o.activity_type_id = ${r.activityTypeId}` : sql`o.touch_kind = ${r.touchKind}`}`;

const where = (s: CoverageScope): SQL =>
  sql`o.due between ${s.from}::date and ${s.to}::date and o.status <> 'ended'
      ${s.ownerId === undefined ? sql`` : s.ownerId === null ? sql`and a.owner_id is null` : sql`and a.owner_id = ${s.ownerId}`}
      ${s.tier === undefined ? sql`` : sql`and o.tier = ${s.tier}`}
      ${ruleWhere(s.rule)}`;

const counts = sql`
  count(*) filter (where o.status not in ('not_yet_due'))::int as due,
  count(*) filter (where o.status = 'on_time')::int as "onTime",
  count(*) filter (where o.status = 'late')::int as late,
  count(*) filter (where o.status = 'missed')::int as missed,
  count(*) filter (where o.status = 'overdue')::int as overdue,
  count(*) filter (where o.status = 'not_yet_due')::int as "notYetDue"`;

export type CoverageRow = CoverageCounts & { tier: number | null; ownerId: number | null; ownerName: string | null; grouping: 'tier' | 'owner' | 'total' };

/** Counts by tier, by owner (no owner: one row with ownerId null), and in total, in one statement. */
export async function coverageSummary(db: DbOrTx, scope: CoverageScope): Promise<CoverageRow[]> {
  const rows = await queryRows<CoverageRow & { g_tier: number; g_owner: number }>(
    db,
    sql`select o.tier, a.owner_id as "ownerId", min(u.name) as "ownerName", ${counts},
          grouping(o.tier) as g_tier, grouping(a.owner_id) as g_owner
        from coverage_obligations o
        join accounts a on a.id = o.account_id
        left join users u on u.id = a.owner_id
        where ${where(scope)}
        group by grouping sets ((o.tier), (a.owner_id), ())
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
    sql`select to_char(date_trunc('month', o.due), 'YYYY-MM') as month, o.tier, ${counts}
        from coverage_obligations o
        join accounts a on a.id = o.account_id
        where ${where(scope)}
        group by grouping sets ((date_trunc('month', o.due), o.tier), (date_trunc('month', o.due)))
        order by 1, 2 nulls first`,
  );
  return rows.map((r) => ({ ...r, tier: r.tier === null ? null : Number(r.tier) }));
}

export type CoverageByRule = CoverageCounts &
  RuleKey & { activityTypeKey: string | null; activityTypeName: string | null };

/** Counts per playbook rule (tier, what it asks for, how often), Tier 1 first, then by cadence. */
export async function coverageByRule(db: DbOrTx, scope: CoverageScope): Promise<CoverageByRule[]> {
  const rows = await queryRows<CoverageByRule>(
    db,
    sql`select o.tier, o.activity_type_id as "activityTypeId", o.touch_kind as "touchKind", o.every, o.unit,
          min(t.key) as "activityTypeKey", min(t.name) as "activityTypeName", ${counts}
        from coverage_obligations o
        join accounts a on a.id = o.account_id
        left join activity_types t on t.id = o.activity_type_id
        where ${where(scope)}
        group by o.tier, o.activity_type_id, o.touch_kind, o.every, o.unit
        order by o.tier, o.unit desc, o.every, 6, o.touch_kind`,
  );
  return rows.map((r) => ({ ...r, tier: Number(r.tier), every: Number(r.every), activityTypeId: r.activityTypeId === null ? null : Number(r.activityTypeId) }));
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
  every: number;
  unit: CadenceUnit;
  due: LocalDate;
  status: ObligationStatus;
  metOn: LocalDate | null;
};

export const gapPageSize = 50;

/** The obligations behind a figure: by default the open gaps (overdue, then missed), oldest due first. */
export async function coverageGaps(
  db: DbOrTx,
  scope: CoverageScope & { statuses: readonly ObligationStatus[]; page: number },
): Promise<{ rows: CoverageGap[]; total: number }> {
  const statuses = `{${scope.statuses.join(',')}}`;
  const rows = await queryRows<CoverageGap & { total: number }>(
    db,
    sql`select o.account_id as "accountId", a.name as "accountName", o.tier, u.name as "ownerName",
          o.activity_type_id as "activityTypeId", t.key as "activityTypeKey", t.name as "activityTypeName", o.touch_kind as "touchKind",
          o.every, o.unit, to_char(o.due, 'YYYY-MM-DD') as due, o.status, to_char(o.met_on, 'YYYY-MM-DD') as "metOn",
          count(*) over ()::int as total
        from coverage_obligations o
        join accounts a on a.id = o.account_id
        left join users u on u.id = a.owner_id
        left join activity_types t on t.id = o.activity_type_id
        where ${where(scope)} and o.status = any(${statuses}::obligation_status[])
        order by o.status = 'overdue' desc, o.due, a.name, o.id
        limit ${gapPageSize} offset ${(Math.max(1, scope.page) - 1) * gapPageSize}`,
  );
  return { rows: rows.map((r) => ({ ...r, tier: Number(r.tier), every: Number(r.every), total: undefined })), total: rows[0]?.total ?? 0 };
}

/** When the figures were last brought up to date, or null before the first run. */
export async function coverageFreshness(db: DbOrTx): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(db, sql`select max(finished_at) as at from coverage_runs`);
  return row?.at ? new Date(row.at) : null;
}
