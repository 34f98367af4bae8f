import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { activityTypes } from './playbooks';
import { users } from './users';

export const activityStatusEnum = pgEnum('activity_status', ['planned', 'completed', 'cancelled', 'no_show']);

export const activities = pgTable(
  'activities',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
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
    status: activityStatusEnum().notNull().default('planned'),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    // The zone the organiser planned in, so a series keeps its wall-clock time.
    timeZone: text().notNull(),
    location: text(),
    customerAttendees: jsonb().notNull().default([]),
    executiveSponsor: text(),
    agenda: text(),
    outcome: text(),
    nextSteps: text(),
    cancelReason: text(),
    completedAt: timestamp({ withTimezone: true }),
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
    check('activities_duration', sql`${t.durationMinutes} between 5 and 1440`),
  ],
);
