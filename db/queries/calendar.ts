import { and, asc, count, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { accounts, activities, activityTypes, users } from '../schema';
import { bookOwnerRole } from '@/lib/vocabulary';

// The schedule and team calendar. Every query is bounded by a time range or
// by status on an indexed column: activities_owner_starts_idx (owner_id,
// starts_at) for one CSM, activities_status_starts_idx (status, starts_at)
// for the team; accounts, users and activity types are joined only for the
// rows shown. The benchmark calls these functions directly.

/** Whose activities: some CSMs (default: everyone's), on accounts of one tier (default: every tier). */
export type CalendarScope = {
  ownerIds?: readonly number[];
  tier?: 1 | 2 | 3;
  /** Also the activities this user joins as a colleague (with `ownerIds`: one's own schedule). */
  attendeeId?: number;
};

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

export const joins = (userId: number) => sql`${activities.internalAttendees} @> ${JSON.stringify([userId])}::jsonb`;

function scopeWhere({ ownerIds, tier, attendeeId }: CalendarScope): SQL[] {
  const where: SQL[] = [];
  if (ownerIds) {
    const owned = ownerIds.length === 1 ? eq(activities.ownerId, ownerIds[0]!) : inArray(activities.ownerId, [...ownerIds]);
    where.push(attendeeId ? or(owned, joins(attendeeId))! : owned);
  }
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
  if (!q.perDay) return displayRows(db, where);
  // Whole seconds since the epoch (digits only), inlined so both windows
  // partition by one expression and share one sort.
  const bounds = (q.perDay.dayStarts.length ? q.perDay.dayStarts : [q.from]).map((d) => Math.floor(d.getTime() / 1000)).join(',');
  const day = sql`width_bucket(extract(epoch from ${activities.startsAt})::float8, ${sql.raw(`'{${bounds}}'`)}::float8[])`;
  // Step one numbers and counts each day's activities on narrow rows; step
  // two fetches the display columns for the ones kept, by primary key. (In
  // one statement the planner cannot tell how few rows survive the window
  // and joins the whole activities table.)
  const inner = db
    .select({
      id: activities.id,
      rn: sql<number>`row_number() over (partition by ${day} order by ${activities.startsAt}, ${activities.id})`.as('rn'),
      dayTotal: sql<number>`count(*) over (partition by ${day})`.as('day_total'),
    })
    .from(activities)
    .$dynamic();
  const numbered = (q.tier ? inner.innerJoin(accounts, eq(accounts.id, activities.accountId)) : inner).where(where).as('numbered');
  const kept = await db
    .select({ id: numbered.id, dayTotal: numbered.dayTotal })
    .from(numbered)
    .where(lte(numbered.rn, q.perDay.limit));
  if (!kept.length) return [];
  const totals = new Map(kept.map((k) => [k.id, Number(k.dayTotal)]));
  const rows = await displayRows(db, inArray(activities.id, [...totals.keys()]));
  return rows.map((r) => ({ ...r, dayTotal: totals.get(r.id) }));
}

function displayRows(db: DbOrTx, where: SQL | undefined): Promise<CalendarItem[]> {
  return db
    .select(itemColumns)
    .from(activities)
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .innerJoin(users, eq(users.id, activities.ownerId))
    .innerJoin(activityTypes, eq(activityTypes.id, activities.activityTypeId))
    .where(where)
    .orderBy(asc(activities.startsAt), asc(activities.id));
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
 * planned activities already overdue at `now`. Each figure is one grouped
 * range scan of (status, starts_at) for the whole team, not a scan per CSM.
 */
export async function teamWeekSummary(db: DbOrTx, q: CalendarScope & { from: Date; to: Date; now: Date }): Promise<CsmWeek[]> {
  if (q.ownerIds && !q.ownerIds.length) return [];
  const tierJoin = q.tier ? sql`join accounts c on c.id = a.account_id and c.tier = ${q.tier}` : sql``;
  const ids = q.ownerIds ? sql.join(q.ownerIds.map((id) => sql`${id}`), sql`, `) : undefined;
  const ownerOf = (col: string) => (ids ? sql`and ${sql.raw(col)} in (${ids})` : sql``);
  const rows = await queryRows<{ id: number; name: string; capacity_hours: number; booked_minutes: string | number; overdue: string | number }>(
    db,
    sql`
    with booked as (
      select a.owner_id, sum(a.duration_minutes) as minutes from activities a ${tierJoin}
      where a.status in ('planned', 'completed')
        and a.starts_at >= ${q.from.toISOString()}::timestamptz and a.starts_at < ${q.to.toISOString()}::timestamptz ${ownerOf('a.owner_id')}
      group by a.owner_id
    ), late as (
      select a.owner_id, count(*) as n from activities a ${tierJoin}
      where a.status = 'planned' and a.starts_at < ${q.now.toISOString()}::timestamptz ${ownerOf('a.owner_id')}
      group by a.owner_id
    )
    select u.id, u.name, u.capacity_hours, coalesce(b.minutes, 0) as booked_minutes, coalesce(l.n, 0) as overdue
    from users u
    left join booked b on b.owner_id = u.id
    left join late l on l.owner_id = u.id
    where u.role = ${bookOwnerRole} and u.active ${ownerOf('u.id')}
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
