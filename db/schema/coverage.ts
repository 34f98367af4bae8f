import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, smallint, timestamp, text, unique } from 'drizzle-orm/pg-core';
import { obligationStatuses } from '../../lib/vocabulary';
import { accounts } from './accounts';
import { activityTypes, cadenceUnitEnum, touchKindEnum } from './playbooks';

export const obligationStatusEnum = pgEnum('obligation_status', obligationStatuses);

// Every playbook obligation of every account, as lib/coverage/obligations.ts
// works them out from the touch ledger, tier history and playbook versions.
// Kept by the `coverage` job (lib/server/coverage.ts): an account's rows are
// replaced whole when it is recomputed, and all of them once a day, since
// statuses move with the date (overdue, missed). Pages read the counts of
// coverage_counts and the rows behind them from here.
export const coverageObligations = pgTable(
  'coverage_obligations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    // The tier whose playbook asked for it.
    tier: smallint().notNull(),
    // What it asks for (exactly one), and how often.
    activityTypeId: integer().references(() => activityTypes.id),
    touchKind: touchKindEnum(),
    // A campaign rule's campaign (playbook_rules.campaign_id).
    campaignId: integer(),
    every: smallint().notNull(),
    unit: cadenceUnitEnum().notNull(),
    due: date({ mode: 'string' }).notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    metOn: date({ mode: 'string' }),
    status: obligationStatusEnum().notNull(),
    // The account's owner, kept equal to accounts.owner_id by a trigger (see
    // migration 0028), so a CSM's figures and gaps are read without a join.
    ownerId: integer(),
  },
  (t) => [
    index('coverage_obligations_due_idx').on(t.due),
    index('coverage_obligations_account_idx').on(t.accountId, t.due),
    // The gap lists: by status, oldest due first, for everyone or one owner.
    index('coverage_obligations_status_idx').on(t.status, t.due, t.id),
    index('coverage_obligations_owner_status_idx').on(t.ownerId, t.status, t.due, t.id),
  ],
);

// How many obligations fall due each day, per tier, owner, rule and status
// (ended ones left out): what the coverage figures sum, so a quarter's
// dashboard reads a few thousand rows instead of every obligation. Kept by
// statement triggers on coverage_obligations in the same transaction as the
// rows they count (migration 0028); rows whose count fell to 0 stay until a
// whole run prunes them.
export const coverageCounts = pgTable(
  'coverage_counts',
  {
    due: date({ mode: 'string' }).notNull(),
    tier: smallint().notNull(),
    ownerId: integer(),
    activityTypeId: integer(),
    touchKind: touchKindEnum(),
    campaignId: integer(),
    every: smallint().notNull(),
    unit: cadenceUnitEnum().notNull(),
    status: obligationStatusEnum().notNull(),
    n: integer().notNull(),
  },
  (t) => [
    unique('coverage_counts_key').on(t.due, t.tier, t.ownerId, t.activityTypeId, t.touchKind, t.campaignId, t.every, t.unit, t.status).nullsNotDistinct(),
    index('coverage_counts_owner_idx').on(t.ownerId, t.due),
  ],
);

// When the obligations were last worked out, so pages can say how fresh
// their figures are: one row per run, the newest read.
export const coverageRuns = pgTable(
  'coverage_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // 'all' (the daily run and after a playbook change) or 'accounts' (after their touches or tiers changed).
    scope: text().notNull(),
    // The day (workspace zone) the statuses are as of.
    asOf: date({ mode: 'string' }).notNull(),
    accounts: integer().notNull(),
    // What was read at this time is in the figures; what changed after, in the next run.
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coverage_runs_finished_idx').on(t.finishedAt), check('coverage_runs_scope', sql`${t.scope} in ('all', 'accounts')`)],
);

// Accounts whose coverage must be worked out again: marked by triggers on the
// touch ledger and tier history (whatever writes them, in bulk or not; see
// the migration), emptied by the `coverage-changes` job every minute. No
// foreign key: deleting an account deletes its touches, whose trigger must
// not then fail on the account being gone (the job skips missing accounts).
export const coverageDirty = pgTable('coverage_dirty', {
  accountId: integer().primaryKey(),
  markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
