import { and, asc, count, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { accounts, activities, activityTypes, users } from '../schema';

// The schedule and team calendar. Every query is bounded by a time range or
// by status on an indexed column: activities_owner_starts_idx (owner_id,
// starts_at) for one CSM, activities_status_starts_idx (status, starts_at)
// for the team; accounts, users and activity types are joined only for the
// rows shown. The benchmark calls these functions directly.

/** Whose activities: some CSMs (default: everyone's), on accounts of one tier (default: every tier). */
export type CalendarScope = { ownerIds?: readonly number[]; tier?: 1 | 2 | 3 };

const allStatuses = ['planned', 'completed', 'cancelled', 'no_show'] as const;

const itemColumns = {
  id: activities.id,
  status: activities.status,
  startsAt: activities.startsAt,
  durationMinutes: activities.durationMinutes,
  location: activities.location,
  accountId: activities.accountId,
  accountName: accounts.name,
  tier: accounts.tier,
  ownerId: activities.ownerId,
  ownerName: users.name,
  typeKey: activityTypes.key,
  typeName: activityTypes.name,
};

export type CalendarItem = {
  id: number;
  status: 'planned' | 'completed' | 'cancelled' | 'no_show';
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  accountId: number;
  accountName: string;
  tier: number;
  ownerId: number;
  ownerName: string;
  typeKey: string | null;
  typeName: string | null;
};

function scopeWhere({ ownerIds, tier }: CalendarScope): SQL[] {
  const where: SQL[] = [];
  if (ownerIds) where.push(ownerIds.length === 1 ? eq(activities.ownerId, ownerIds[0]!) : inArray(activities.ownerId, [...ownerIds]));
  if (tier) where.push(eq(accounts.tier, tier));
  return where;
}

export type CalendarQuery = CalendarScope & {
  from: Date;
  to: Date;
  /**
   * At most `limit` activities per day, the day's full count in `dayTotal`:
   * a team's month would otherwise send thousands of rows to one grid.
   * `dayStarts` are the instants each visible day starts (lib/calendar/range.ts
   * `rangeInstants`), so the days are the user's, not the database's.
   */
  perDay?: { dayStarts: readonly Date[]; limit: number };
};

/** Activities of every status that start in [from, to), in start order. */
export async function calendarActivities(db: DbOrTx, q: CalendarQuery): Promise<(CalendarItem & { dayTotal?: number })[]> {
  // An IN over every status lets the team's query (no owner) range-scan
  // (status, starts_at) once per status instead of reading every activity.
  const where = and(
    gte(activities.startsAt, q.from),
    lt(activities.startsAt, q.to),
    q.ownerIds ? undefined : inArray(activities.status, [...allStatuses]),
    ...scopeWhere(q),
  );
  if (!q.perDay) {
    return db
      .select(itemColumns)
      .from(activities)
      .innerJoin(accounts, eq(accounts.id, activities.accountId))
      .innerJoin(users, eq(users.id, activities.ownerId))
      .innerJoin(activityTypes, eq(activityTypes.id, activities.activityTypeId))
      .where(where)
      .orderBy(asc(activities.startsAt), asc(activities.id));
  }
  const bounds = `{${q.perDay.dayStarts.map((d) => d.getTime() / 1000).join(',')}}`;
  const day = sql`width_bucket(extract(epoch from ${activities.startsAt})::float8, ${bounds}::float8[])`;
  // Number and count the day's activities first (narrow rows), then join for display only the ones kept.
  const numbered = db
    .select({
      id: activities.id,
      rn: sql<number>`row_number() over (partition by ${day} order by ${activities.startsAt}, ${activities.id})`.as('rn'),
      dayTotal: sql<number>`count(*) over (partition by ${day})`.as('day_total'),
    })
    .from(activities)
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .where(where)
    .as('numbered');
  const rows = await db
    .select({ ...itemColumns, dayTotal: numbered.dayTotal })
    .from(numbered)
    .innerJoin(activities, eq(activities.id, numbered.id))
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .innerJoin(users, eq(users.id, activities.ownerId))
    .innerJoin(activityTypes, eq(activityTypes.id, activities.activityTypeId))
    .where(lte(numbered.rn, q.perDay.limit))
    .orderBy(asc(activities.startsAt), asc(activities.id));
  return rows.map((r) => ({ ...r, dayTotal: Number(r.dayTotal) }));
}

/** A CSM's week (or any range) of activities: the benchmark's "week view". */
export const weekActivities = calendarActivities;

export type PlannedPage = { rows: CalendarItem[]; total: number };

async function plannedPage(db: DbOrTx, scope: CalendarScope, range: SQL[], limit: number, offset: number): Promise<PlannedPage> {
  const where = and(eq(activities.status, 'planned'), ...range, ...scopeWhere(scope));
  const [rows, [totals]] = await Promise.all([
    db
      .select(itemColumns)
      .from(activities)
      .innerJoin(accounts, eq(accounts.id, activities.accountId))
      .innerJoin(users, eq(users.id, activities.ownerId))
      .innerJoin(activityTypes, eq(activityTypes.id, activities.activityTypeId))
      .where(where)
      .orderBy(asc(activities.startsAt), asc(activities.id))
      .limit(limit)
      .offset(offset),
    // The count joins accounts only when a tier needs it.
    scope.tier
      ? db.select({ n: count() }).from(activities).innerJoin(accounts, eq(accounts.id, activities.accountId)).where(where)
      : db.select({ n: count() }).from(activities).where(where),
  ]);
  return { rows, total: Number(totals?.n ?? 0) };
}

/** Planned activities whose start has passed (not completed, cancelled or a no-show), oldest first, a page of them and how many in all. */
export async function overdueActivities(db: DbOrTx, q: CalendarScope & { now: Date; limit: number; offset?: number }): Promise<PlannedPage> {
  return plannedPage(db, q, [lt(activities.startsAt, q.now)], q.limit, q.offset ?? 0);
}

/** Planned activities from now until `until`, soonest first, the first `limit` and how many in all. */
export async function dueSoonActivities(db: DbOrTx, q: CalendarScope & { now: Date; until: Date; limit: number }): Promise<PlannedPage> {
  return plannedPage(db, q, [gte(activities.startsAt, q.now), lt(activities.startsAt, q.until)], q.limit, 0);
}

/** The next planned activities from now on, soonest first (the home page's "next up"). */
export async function upcomingActivities(db: DbOrTx, q: CalendarScope & { now: Date; limit: number }): Promise<PlannedPage> {
  return plannedPage(db, q, [gte(activities.startsAt, q.now)], q.limit, 0);
}

/** Whether the user runs any activity at all (a manager who runs none sees where to look instead). */
export async function ownsAnyActivity(db: DbOrTx, userId: number): Promise<boolean> {
  const rows = await db.select({ id: activities.id }).from(activities).where(eq(activities.ownerId, userId)).limit(1);
  return rows.length > 0;
}

export type CsmWeek = { id: number; name: string; capacityHours: number; bookedMinutes: number; overdue: number };

/**
 * Per active CSM: minutes booked in [from, to) (planned and completed) and
 * planned activities already overdue at `now`, in one statement that reads
 * each CSM's rows through (owner_id, starts_at).
 */
export async function teamWeekSummary(db: DbOrTx, q: CalendarScope & { from: Date; to: Date; now: Date }): Promise<CsmWeek[]> {
  const tierJoin = q.tier ? sql`join accounts c on c.id = a.account_id and c.tier = ${q.tier}` : sql``;
  const ownerFilter = q.ownerIds ? sql`and u.id in (${sql.join(q.ownerIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const rows = await queryRows<{ id: number; name: string; capacity_hours: number; booked_minutes: string | number; overdue: string | number }>(
    db,
    sql`
    select u.id, u.name, u.capacity_hours,
      (select coalesce(sum(a.duration_minutes), 0) from activities a ${tierJoin}
        where a.owner_id = u.id and a.starts_at >= ${q.from.toISOString()}::timestamptz and a.starts_at < ${q.to.toISOString()}::timestamptz
          and a.status in ('planned', 'completed')) as booked_minutes,
      (select count(*) from activities a ${tierJoin}
        where a.owner_id = u.id and a.status = 'planned' and a.starts_at < ${q.now.toISOString()}::timestamptz) as overdue
    from users u
    where u.role = 'csm' and u.active ${ownerFilter}
    order by u.name, u.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    capacityHours: Number(r.capacity_hours),
    bookedMinutes: Number(r.booked_minutes),
    overdue: Number(r.overdue),
  }));
}
