import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { HealthComponent } from '../../lib/health/model';
import { accounts } from './accounts';
import { users } from './users';

// Health (DOMAIN.md "Signals, health and alerts"): signals per account,
// worked out from usage rollups and the touch ledger; a versioned model of
// weighted components; the score of each account with its breakdown, and a
// daily history for the trend.

/** A version of the health model: its components and band limits. The current model is the highest version. */
export const healthModels = pgTable(
  'health_models',
  {
    version: integer().primaryKey(),
    components: jsonb().$type<HealthComponent[]>().notNull(),
    /** Scores up to this are poor; up to averageMax average; above good. */
    poorMax: smallint().notNull().default(50),
    averageMax: smallint().notNull().default(75),
    note: text(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('health_models_bands', sql`0 <= ${t.poorMax} and ${t.poorMax} < ${t.averageMax} and ${t.averageMax} < 100`)],
);

/** The CSM's read of an account: green, yellow or red with a note, until it expires. */
export const accountPulses = pgTable(
  'account_pulses',
  {
    accountId: integer()
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    pulse: text().notNull(),
    note: text(),
    setBy: integer().references(() => users.id),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The last workspace day it counts. */
    expiresOn: date({ mode: 'string' }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [check('account_pulses_pulse', sql`${t.pulse} in ('green', 'yellow', 'red')`)],
);

/** Each account's signals as of `day` (null: no data for that signal). */
export const accountSignals = pgTable('account_signals', {
  accountId: integer()
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  day: date({ mode: 'string' }).notNull(),
  daysSinceSeen: integer(),
  activeUsers7d: integer('active_users_7d'),
  activeUsers30d: integer('active_users_30d'),
  /** Share of the key features used in 30 days, in percent. */
  featureAdoptionPct: numeric({ precision: 5, scale: 1 }),
  /** Events in the last 30 days against the 30 before, as a change in percent. */
  usageTrendPct: numeric({ precision: 10, scale: 1 }),
  pricingViews7d: integer('pricing_views_7d'),
  tickets30d: integer('tickets_30d'),
  nps: numeric({ precision: 4, scale: 1 }),
  daysSinceHumanTouch: integer(),
  /** The CSM's pulse as 100 (green), 50 (yellow) or 0 (red). */
  pulse: smallint(),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Each account's current score under the current model, with what it was made of. */
export const accountHealth = pgTable(
  'account_health',
  {
    accountId: integer()
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    modelVersion: integer().notNull(),
    /** 0–100; null when no component had data. */
    score: smallint(),
    band: text(),
    /** The share (0–1) of the model's weight that had data. */
    dataShare: numeric({ precision: 5, scale: 4 }).notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_health_band_idx').on(t.band, t.score)],
);

/** One score per account per day, for the trend (the model version marks where the model changed). */
export const healthHistory = pgTable(
  'health_history',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    modelVersion: integer().notNull(),
    score: smallint(),
    band: text(),
    dataShare: numeric({ precision: 5, scale: 4 }).notNull(),
  },
  // By day: alert rules on a health drop read every account's score of one day.
  (t) => [primaryKey({ columns: [t.accountId, t.day] }), index('health_history_day_idx').on(t.day, t.accountId)],
);

/** Accounts whose signals changed (new usage events, backfilled or not), from which workspace day on. */
export const healthDirty = pgTable('health_dirty', {
  accountId: integer().primaryKey(),
  fromDay: date({ mode: 'string' }).notNull(),
  markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Whole recomputes, one per workspace day: the minute job runs one when today has none yet. */
export const healthRuns = pgTable('health_runs', {
  day: date({ mode: 'string' }).primaryKey(),
  modelVersion: integer().notNull(),
  accounts: integer().notNull(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  finishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
