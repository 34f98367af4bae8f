import { date, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

// Unit economics read per account over a year (db/queries/economics.ts):
// summing a year of completed activities and attendances for 100,000
// accounts takes seconds, so each window's per-account inputs are kept here
// and the page reads them. A window's snapshot is built whole once a day
// (or when the playbooks' hours change) and brought up to date, account by
// account, for the accounts marked in economics_dirty since its last refresh
// (triggers on activities, attendance, sessions, accounts and coverage; see
// the migration). db/queries/economics-snapshot.ts does both.
export const economicsRuns = pgTable(
  'economics_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }).notNull(),
    fromAt: timestamp({ withTimezone: true }).notNull(),
    toAt: timestamp({ withTimezone: true }).notNull(),
    /** The playbooks' delivered hours it was built with (a digest of deliveredRuleHours). */
    rulesStamp: text().notNull(),
    /** The workspace day it was built on: another day builds it again. */
    builtOn: date({ mode: 'string' }).notNull(),
    builtAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Marks made from this instant on are not in it yet. */
    refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('economics_runs_window_key').on(t.fromDate, t.toDate, t.fromAt, t.toAt)],
);

/** Every account's inputs in one window: its tier, ARR and LTV then, hours delivered, and coverage (obligations due and met on time). */
export const economicsAccounts = pgTable(
  'economics_accounts',
  {
    runId: integer()
      .notNull()
      .references(() => economicsRuns.id, { onDelete: 'cascade' }),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tier: smallint().notNull(),
    arr: numeric({ precision: 16, scale: 2 }),
    ltv: numeric({ precision: 20, scale: 0 }),
    hours: numeric({ precision: 14, scale: 6 }).notNull(),
    due: integer().notNull(),
    onTime: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.accountId] }), index('economics_accounts_account_idx').on(t.accountId)],
);

// Accounts whose economics changed: no foreign key, as coverage_dirty (a
// deleted account's rows go with it; its mark is simply found missing).
export const economicsDirty = pgTable('economics_dirty', {
  accountId: integer().primaryKey(),
  markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
