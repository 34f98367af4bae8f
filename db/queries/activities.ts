import { and, asc, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { accounts, activities, type activitySeries, activityTypes, users } from '../schema';
import { refreshTouches } from './touches';

export type NewActivity = typeof activities.$inferInsert;

export async function insertActivity(db: DbOrTx, values: NewActivity): Promise<number> {
  const [id] = await insertActivities(db, [values]);
  return id!;
}

/** Inserts in one statement and refreshes the accounts' next and last touch; returns the ids in order. */
export async function insertActivities(db: DbOrTx, values: NewActivity[]): Promise<number[]> {
  if (!values.length) return [];
  const rows = await db.insert(activities).values(values).returning({ id: activities.id });
  await refreshTouches(
    db,
    values.map((v) => v.accountId),
  );
  return rows.map((r) => r.id);
}

/**
 * What a change to one activity or to a series reads before it checks who may
 * make it: the booking's own columns, its account's owner and tier.
 */
export function bookingSelection(t: typeof activities | typeof activitySeries) {
  return {
    id: t.id,
    accountId: t.accountId,
    activityTypeId: t.activityTypeId,
    ownerId: t.ownerId,
    durationMinutes: t.durationMinutes,
    timeZone: t.timeZone,
    location: t.location,
    agenda: t.agenda,
    executiveSponsor: t.executiveSponsor,
    customerAttendees: t.customerAttendees,
    internalAttendees: t.internalAttendees,
    version: t.version,
    accountOwnerId: accounts.ownerId,
    accountTier: accounts.tier,
  };
}

/** The activity with its account's owner and tier, locked for a change. */
export async function findActivityForUpdate(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...bookingSelection(activities), status: activities.status, startsAt: activities.startsAt, seriesId: activities.seriesId })
    .from(activities)
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .where(eq(activities.id, id))
    .for('update', { of: activities });
  return row;
}

/** Applies changes if the activity is still at `version`; false when someone else changed it first. */
export async function updateActivity(db: DbOrTx, id: number, version: number, values: Partial<NewActivity>): Promise<boolean> {
  const rows = await db
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1` })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning({ accountId: activities.accountId });
  await refreshTouches(
    db,
    rows.map((r) => r.accountId),
  );
  return rows.length === 1;
}

/** The owner's planned activities that could overlap [from, to), for the double-booking warning. */
export async function plannedAround(db: DbOrTx, ownerId: number, from: Date, to: Date, exceptId?: number) {
  return db
    .select({ startsAt: activities.startsAt, durationMinutes: activities.durationMinutes })
    .from(activities)
    .where(
      and(
        eq(activities.ownerId, ownerId),
        eq(activities.status, 'planned'),
        lt(activities.startsAt, to),
        // Nothing planned lasts more than a day (the duration check), so this bounds the scan.
        gt(activities.startsAt, new Date(from.getTime() - 24 * 3_600_000)),
        exceptId ? ne(activities.id, exceptId) : undefined,
      ),
    );
}

/**
 * An account's activities for its page, newest first: the planned ones
 * soonest first up to a bound (a long series must not push out the history),
 * and the rest most recent first up to another.
 */
export async function listAccountActivities(db: DbOrTx, accountId: number, bounds = { planned: 120, past: 200 }) {
  const query = () =>
    db
      .select({
        id: activities.id,
        status: activities.status,
        startsAt: activities.startsAt,
        durationMinutes: activities.durationMinutes,
        location: activities.location,
        agenda: activities.agenda,
        outcome: activities.outcome,
        nextSteps: activities.nextSteps,
        cancelReason: activities.cancelReason,
        executiveSponsor: activities.executiveSponsor,
        customerAttendees: activities.customerAttendees,
        internalAttendees: activities.internalAttendees,
        timeZone: activities.timeZone,
        seriesId: activities.seriesId,
        seriesDate: activities.seriesDate,
        seriesDetached: activities.seriesDetached,
        version: activities.version,
        ownerId: activities.ownerId,
        ownerName: users.name,
        activityTypeId: activities.activityTypeId,
        typeKey: activityTypes.key,
        typeName: activityTypes.name,
        needsSponsor: activityTypes.requiresExecutiveSponsor,
      })
      .from(activities)
      .innerJoin(users, eq(users.id, activities.ownerId))
      .innerJoin(activityTypes, eq(activityTypes.id, activities.activityTypeId))
  const [planned, rest] = await Promise.all([
    query()
      .where(and(eq(activities.accountId, accountId), eq(activities.status, 'planned')))
      .orderBy(asc(activities.startsAt), asc(activities.id))
      .limit(bounds.planned),
    query()
      .where(and(eq(activities.accountId, accountId), ne(activities.status, 'planned')))
      .orderBy(desc(activities.startsAt), desc(activities.id))
      .limit(bounds.past),
  ]);
  return [...planned, ...rest].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id - a.id);
}

/** Colleagues who can join an activity: every active user, by name. */
export async function activeColleagues(db: DbOrTx) {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).orderBy(asc(users.name));
}

/** Which of these ids are active users. */
export async function activeUserIds(db: DbOrTx, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** Display names for user ids (deactivated users included, so old activities still say who joined). */
export async function userNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The account's next planned activity of a type after an instant, if one is booked. */
export async function nextPlannedOfType(db: DbOrTx, accountId: number, activityTypeId: number, after: Date) {
  const [row] = await db
    .select({ id: activities.id, startsAt: activities.startsAt })
    .from(activities)
    .where(and(eq(activities.accountId, accountId), eq(activities.activityTypeId, activityTypeId), eq(activities.status, 'planned'), gt(activities.startsAt, after)))
    .orderBy(asc(activities.startsAt))
    .limit(1);
  return row;
}
