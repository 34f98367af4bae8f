import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AlertCondition } from '../../lib/alerts/conditions';
import { accounts } from './accounts';
import { users } from './users';

// Alerts (DOMAIN.md "Signals, health and alerts"): rules on signals and
// health, their episodes per account (an alert fires once per episode), the
// tasks they raise for a human, and the pool that shares the long tail.

/** An alert rule: its conditions (all must hold), scope, and what it does: the ladder. */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    enabled: boolean().notNull().default(true),
    conditions: jsonb().$type<AlertCondition[]>().notNull(),
    /** Tiers the rule applies to; empty: every tier. */
    tiers: smallint().array().notNull().default(sql`'{}'`),
    /** Lifecycle stages the rule applies to; empty: every stage. */
    stages: text().array().notNull().default(sql`'{}'`),
    /** The ladder's first rung: a tech touch or a task for a human. */
    first: text().notNull().default('task'),
    /** With first = tech_touch: a task if the condition still holds this many days later; null: never. */
    escalateAfterDays: smallint(),
    /** An episode closes once the condition has been false this many days. */
    closeAfterDays: smallint().notNull().default(7),
    taskPriority: text().notNull().default('normal'),
    /** A task is due this many days after it is raised. */
    taskDueDays: smallint().notNull().default(2),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('alert_rules_first', sql`${t.first} in ('tech_touch', 'task')`),
    check('alert_rules_priority', sql`${t.taskPriority} in ('high', 'normal', 'low')`),
    check('alert_rules_days', sql`${t.closeAfterDays} between 0 and 365 and ${t.taskDueDays} between 0 and 90 and (${t.escalateAfterDays} is null or ${t.escalateAfterDays} between 1 and 365)`),
  ],
);

/**
 * An episode of a rule for an account: opened when the condition became
 * true, closed when it had been false for the rule's period. At most one open
 * per rule and account (two evaluators cannot open a second).
 */
export const alertEpisodes = pgTable(
  'alert_episodes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: integer()
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    openedOn: date({ mode: 'string' }).notNull(),
    techTouchOn: date({ mode: 'string' }),
    taskOn: date({ mode: 'string' }),
    falseSince: date({ mode: 'string' }),
    snoozedUntil: date({ mode: 'string' }),
    snoozeReason: text(),
    dismissedOn: date({ mode: 'string' }),
    dismissReason: text(),
    closedOn: date({ mode: 'string' }),
    /** The signal values that opened it (what the task says). */
    values: jsonb().$type<Record<string, unknown>>().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex('alert_episodes_open_key').on(t.ruleId, t.accountId).where(sql`${t.closedOn} is null`), index('alert_episodes_account_idx').on(t.accountId)],
);

/** Work for a human: raised by an alert episode (at most one task each) or written by hand. */
export const tasks = pgTable(
  'tasks',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    episodeId: bigint({ mode: 'number' }).references(() => alertEpisodes.id, { onDelete: 'set null' }),
    title: text().notNull(),
    /** Why: written by hand, or the rule and values (in `values`) for a raised task. */
    why: text(),
    values: jsonb().$type<Record<string, unknown>>(),
    priority: text().notNull().default('normal'),
    dueOn: date({ mode: 'string' }).notNull(),
    ownerId: integer().references(() => users.id),
    /** Why it went to its owner when the account is pooled: the pick's figures. */
    assignedWhy: jsonb().$type<Record<string, unknown>>(),
    status: text().notNull().default('open'),
    snoozedUntil: date({ mode: 'string' }),
    /** Minutes it should take: counts in capacity. */
    estimateMinutes: integer().notNull().default(30),
    completedAt: timestamp({ withTimezone: true }),
    completedBy: integer().references(() => users.id),
    completionNote: text(),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tasks_episode_key').on(t.episodeId),
    index('tasks_owner_idx').on(t.ownerId, t.status, t.dueOn),
    index('tasks_account_idx').on(t.accountId),
    check('tasks_status', sql`${t.status} in ('open', 'done', 'cancelled')`),
    check('tasks_priority', sql`${t.priority} in ('high', 'normal', 'low')`),
  ],
);

/** Users who share the pooled accounts' tasks (accounts without a named CSM). */
export const poolMembers = pgTable('pool_members', {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** When this member last got a pooled task: ties go in turn. */
  lastAssignedAt: timestamp({ withTimezone: true }),
  addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
