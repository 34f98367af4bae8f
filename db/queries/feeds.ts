import { and, asc, eq, gte, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { accounts, activities, activityTypes, calendarFeeds, users } from '../schema';
import { joins } from './calendar';

// Calendar feeds: one active secret address per user (a new one revokes the
// old), and the activities a feed or an .ics download shows.

/** The user's active feed, for the settings page. Never the hash. */
export async function activeFeed(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(sql`${calendarFeeds.id} desc`)
    .limit(1);
  return row;
}

/** Revokes every active feed of the user; returns the ids revoked. */
export async function revokeFeeds(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.map((r) => r.id);
}

/**
 * Revokes the user's feeds and adds one with this token hash. The user's row
 * is locked first, so two requests at once still leave one active feed.
 */
export async function replaceFeed(db: DbOrTx, userId: number, tokenHash: string) {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  const revoked = await revokeFeeds(db, userId);
  const [row] = await db.insert(calendarFeeds).values({ userId, tokenHash }).returning({ id: calendarFeeds.id });
  return { id: row!.id, revoked };
}

/**
 * The feed for a token hash if it still works: not revoked, and its user
 * still active. One lookup on the unique index; every other case is
 * undefined, so the caller cannot tell an unknown address from a revoked one.
 */
export async function findLiveFeed(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      id: calendarFeeds.id,
      lastUsedAt: calendarFeeds.lastUsedAt,
      userId: users.id,
      userName: users.name,
      locale: users.locale,
      timeZone: users.timeZone,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt), eq(users.active, true)));
  return row;
}

/** Records a fetch unless one was recorded in the last hour (the condition holds under concurrent fetches too). */
export async function recordFeedUse(db: DbOrTx, feedId: number): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(calendarFeeds.id, feedId), sql`(${calendarFeeds.lastUsedAt} is null or ${calendarFeeds.lastUsedAt} < now() - interval '1 hour')`));
}

const icsColumns = {
  id: activities.id,
  accountId: activities.accountId,
  accountName: accounts.name,
  typeKey: activityTypes.key,
  typeName: activityTypes.name,
  ownerId: activities.ownerId,
  ownerName: users.name,
  status: activities.status,
  startsAt: activities.startsAt,
  durationMinutes: activities.durationMinutes,
  timeZone: activities.timeZone,
  location: activities.location,
  agenda: activities.agenda,
  executiveSponsor: activities.executiveSponsor,
  customerAttendees: activities.customerAttendees,
  cancelReason: activities.cancelReason,
  version: activities.version,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
};

export type IcsActivityRow = Awaited<ReturnType<typeof findActivityForIcs>> & {};

/** One activity with what its calendar entry shows. */
export async function findActivityForIcs(db: DbOrTx, id: number) {
  const [row] = await db
    .select(icsColumns)
    .from(activities)
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .innerJoin(activityTypes, eq(activityTypes.id, activities.activityTypeId))
    .innerJoin(users, eq(users.id, activities.ownerId))
    .where(eq(activities.id, id));
  return row;
}

/** More than any real calendar holds in 15 months; a bound, not a page. */
export const feedLimit = 5000;

/**
 * The activities a user runs or joins as a colleague that start in [from, to): all of them except
 * cancelled ones not changed since `cancelledSince`. One range scan on
 * (owner_id, starts_at).
 */
export async function listFeedActivities(db: DbOrTx, ownerId: number, window: { from: Date; to: Date; cancelledSince: Date }) {
  return db
    .select(icsColumns)
    .from(activities)
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .innerJoin(activityTypes, eq(activityTypes.id, activities.activityTypeId))
    .innerJoin(users, eq(users.id, activities.ownerId))
    .where(
      and(
        or(eq(activities.ownerId, ownerId), joins(ownerId)),
        gte(activities.startsAt, window.from),
        lt(activities.startsAt, window.to),
        or(ne(activities.status, 'cancelled'), gte(activities.updatedAt, window.cancelledSince)),
      ),
    )
    // Upcoming first, so if the bound is ever reached it is the oldest history that drops out, not what is ahead.
    .orderBy(sql`${activities.startsAt} < now()`, asc(activities.startsAt), asc(activities.id))
    .limit(feedLimit);
}
