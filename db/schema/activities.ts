import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { activityTypes } from './playbooks';
import { activityStatuses, closedDayChoices } from '../../lib/vocabulary';
import { users } from './users';

export const activityStatusEnum = pgEnum('activity_status', activityStatuses);

/** What one activity and a series of them both say: where, who, when in which zone, how long. */
function bookingColumns() {
  return {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    activityTypeId: integer()
      .notNull()
      .references(() => activityTypes.id),
    // The CSM who runs it (whose calendar and capacity it is on).
    ownerId: integer()
      .notNull()
      .references(() => users.id),
    // The zone the organiser planned in, so a series keeps its wall-clock time.
    timeZone: text().notNull(),
    durationMinutes: integer().notNull(),
    location: text(),
    customerAttendees: jsonb().notNull().default([]),
    // User ids of colleagues who join (besides the owner).
    internalAttendees: jsonb().notNull().default([]),
    executiveSponsor: text(),
    agenda: text(),
  };
}

// A repeating activity ("monthly on the second Tuesday at 10:00"). Its
// occurrences are ordinary activity rows, created up to `untilDate`, so every
// list, calendar and feed reads one table.
export const activitySeries = pgTable(
  'activity_series',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ...bookingColumns(),
    // lib/scheduling/recurrence.ts `Recurrence`.
    recurrence: jsonb().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    untilDate: date({ mode: 'string' }).notNull(),
    // Wall-clock 'HH:MM' in `timeZone`, so 10:00 stays 10:00 across DST.
    time: text().notNull(),
    // lib/vocabulary.ts `closedDayChoices`: occurrences on a closed day stay, are skipped or move to the next working day; edits keep the choice.
    onClosedDay: text({ enum: closedDayChoices }).notNull().default('keep'),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [index('activity_series_account_idx').on(t.accountId), check('activity_series_duration', sql`${t.durationMinutes} between 5 and 1440`)],
);

export const activities = pgTable(
  'activities',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ...bookingColumns(),
    status: activityStatusEnum().notNull().default('planned'),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    outcome: text(),
    nextSteps: text(),
    cancelReason: text(),
    completedAt: timestamp({ withTimezone: true }),
    // An occurrence of a series; `seriesDate` is the date the series gave it,
    // and `seriesDetached` marks one edited on its own (series edits skip it).
    seriesId: integer().references(() => activitySeries.id, { onDelete: 'set null' }),
    seriesDate: date({ mode: 'string' }),
    seriesDetached: boolean().notNull().default(false),
    // Set by plan-from-playbook: the due date of the cadence it fulfils.
    plannedDue: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index('activities_owner_starts_idx').on(t.ownerId, t.startsAt),
    index('activities_account_starts_idx').on(t.accountId, t.startsAt),
    index('activities_status_starts_idx').on(t.status, t.startsAt),
    index('activities_account_type_starts_idx').on(t.accountId, t.activityTypeId, t.startsAt),
    // "Activities I join": containment lookups on the colleagues list.
    index('activities_internal_attendees_idx').using('gin', sql`${t.internalAttendees} jsonb_path_ops`),
    // Overdue and due-soon per CSM read only planned rows, not a CSM's whole history.
    index('activities_planned_owner_starts_idx').on(t.ownerId, t.startsAt).where(sql`${t.status} = 'planned'`),
    uniqueIndex('activities_series_date_key').on(t.seriesId, t.seriesDate),
    check('activities_duration', sql`${t.durationMinutes} between 5 and 1440`),
  ],
);

// A secret calendar-feed address per user. Only a hash of the token is kept;
// revoking sets `revokedAt`, and a new address is a new row.
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_hash_key').on(t.tokenHash), index('calendar_feeds_user_idx').on(t.userId)],
);
