import { and, asc, eq, gt, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { accounts, activities, activitySeries, activityTypes, users } from '../schema';
import { bookingSelection, insertActivities, type NewActivity } from './activities';
import { refreshTouches } from './touches';

export type NewSeries = typeof activitySeries.$inferInsert;

export async function insertSeries(db: DbOrTx, values: NewSeries): Promise<number> {
  const [row] = await db.insert(activitySeries).values(values).returning({ id: activitySeries.id });
  return row!.id;
}

/** The series with its account's owner and tier, locked for a change. */
export async function findSeriesForUpdate(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      ...bookingSelection(activitySeries),
      recurrence: activitySeries.recurrence,
      startDate: activitySeries.startDate,
      untilDate: activitySeries.untilDate,
      time: activitySeries.time,
      onClosedDay: activitySeries.onClosedDay,
    })
    .from(activitySeries)
    .innerJoin(accounts, eq(accounts.id, activitySeries.accountId))
    .where(eq(activitySeries.id, id))
    .for('update', { of: activitySeries });
  return row;
}

/** Applies changes if the series is still at `version`; false when someone else changed it first. */
export async function updateSeries(db: DbOrTx, id: number, version: number, values: Partial<NewSeries>): Promise<boolean> {
  const rows = await db
    .update(activitySeries)
    .set({ ...values, version: sql`${activitySeries.version} + 1` })
    .where(and(eq(activitySeries.id, id), eq(activitySeries.version, version)))
    .returning({ id: activitySeries.id });
  return rows.length === 1;
}

/** Every occurrence of a series, locked, for a whole-series edit. */
export async function seriesOccurrencesForUpdate(db: DbOrTx, seriesId: number) {
  const rows = await db
    .select({
      id: activities.id,
      date: activities.seriesDate,
      status: activities.status,
      startsAt: activities.startsAt,
      detached: activities.seriesDetached,
    })
    .from(activities)
    .where(eq(activities.seriesId, seriesId))
    .orderBy(asc(activities.seriesDate))
    .for('update');
  // Every occurrence is written with its series date; the column is only nullable for one-off activities.
  return rows.map((r) => ({ ...r, date: r.date! }));
}

const intArray = (xs: readonly number[]) => `{${xs.join(',')}}`;
const textArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;

/**
 * Writes a whole-series edit in three statements (delete, update, insert)
 * and refreshes the account's next touch once. Only planned occurrences that
 * still follow the series are deleted or updated, whatever the caller passes.
 * Returns how many rows each statement changed.
 */
export async function applySeriesChanges(
  db: DbOrTx,
  s: { seriesId: number; accountId: number },
  change: {
    delete: readonly number[];
    update: readonly { id: number; date: string; startsAt: Date }[];
    fields: Pick<NewActivity, 'durationMinutes' | 'location' | 'agenda' | 'executiveSponsor' | 'customerAttendees' | 'internalAttendees'>;
    insert: readonly NewActivity[];
  },
) {
  const follows = and(eq(activities.seriesId, s.seriesId), eq(activities.status, 'planned'), eq(activities.seriesDetached, false));
  // Deleted first: a row moved to a new date never takes a date another row still holds.
  const deleted = change.delete.length
    ? (await db
        .delete(activities)
        .where(and(inArray(activities.id, [...change.delete]), follows))
        .returning({ id: activities.id })).length
    : 0;
  let updated = 0;
  if (change.update.length) {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`
      update activities a set
        starts_at = v.starts_at,
        series_date = v.series_date,
        duration_minutes = ${change.fields.durationMinutes},
        location = ${change.fields.location ?? null},
        agenda = ${change.fields.agenda ?? null},
        executive_sponsor = ${change.fields.executiveSponsor ?? null},
        customer_attendees = ${JSON.stringify(change.fields.customerAttendees ?? [])}::jsonb,
        internal_attendees = ${JSON.stringify(change.fields.internalAttendees ?? [])}::jsonb,
        version = a.version + 1,
        updated_at = now()
      from unnest(
        ${intArray(change.update.map((u) => u.id))}::int[],
        ${textArray(change.update.map((u) => u.startsAt.toISOString()))}::timestamptz[],
        ${textArray(change.update.map((u) => u.date))}::date[]
      ) as v(id, starts_at, series_date)
      where a.id = v.id and a.series_id = ${s.seriesId} and a.status = 'planned' and a.series_detached = false
      returning a.id`,
    );
    updated = rows.length;
  }
  await insertActivities(db, [...change.insert]);
  await refreshTouches(db, [s.accountId]);
  return { deleted, updated, inserted: change.insert.length };
}

/** Cancels every planned occurrence from `from` on; returns how many. */
export async function cancelOccurrencesFrom(db: DbOrTx, s: { seriesId: number; accountId: number }, from: Date, reason: string): Promise<number> {
  const rows = await db
    .update(activities)
    .set({ status: 'cancelled', cancelReason: reason, version: sql`${activities.version} + 1` })
    .where(and(eq(activities.seriesId, s.seriesId), eq(activities.status, 'planned'), gte(activities.startsAt, from)))
    .returning({ id: activities.id });
  await refreshTouches(db, [s.accountId]);
  return rows.length;
}

/**
 * The owner's planned activities that could overlap anything in [from, to),
 * in one query, for checking every occurrence of a series at once.
 */
export async function plannedBetween(db: DbOrTx, ownerId: number, from: Date, to: Date, exceptIds: readonly number[] = []) {
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
        exceptIds.length ? notInArray(activities.id, [...exceptIds]) : undefined,
      ),
    )
    .orderBy(asc(activities.startsAt));
}

/** An account's series, with type and owner for display. */
export async function listAccountSeries(db: DbOrTx, accountId: number) {
  return db
    .select({
      id: activitySeries.id,
      recurrence: activitySeries.recurrence,
      startDate: activitySeries.startDate,
      untilDate: activitySeries.untilDate,
      time: activitySeries.time,
      timeZone: activitySeries.timeZone,
      onClosedDay: activitySeries.onClosedDay,
      durationMinutes: activitySeries.durationMinutes,
      location: activitySeries.location,
      agenda: activitySeries.agenda,
      internalAttendees: activitySeries.internalAttendees,
      customerAttendees: activitySeries.customerAttendees,
      executiveSponsor: activitySeries.executiveSponsor,
      needsSponsor: activityTypes.requiresExecutiveSponsor,
      version: activitySeries.version,
      ownerId: activitySeries.ownerId,
      ownerName: users.name,
      typeKey: activityTypes.key,
      typeName: activityTypes.name,
    })
    .from(activitySeries)
    .innerJoin(users, eq(users.id, activitySeries.ownerId))
    .innerJoin(activityTypes, eq(activityTypes.id, activitySeries.activityTypeId))
    .where(eq(activitySeries.accountId, accountId))
    .orderBy(asc(activitySeries.id));
}
