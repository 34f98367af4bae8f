import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AlertCondition } from '../../lib/alerts/conditions';
import { accounts, tierOverrideRequests } from './accounts';
import { campaigns } from './campaigns';
import { contacts } from './contacts';
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
    /** With first = tech_touch: how it leaves the building (an email to the account's contacts, or the signed webhook). */
    techChannel: text(),
    /** The email's subject, or the in-app message's name the webhook carries. */
    techSubject: text(),
    /** The email's body, or the in-app message's text. */
    techMessage: text(),
    /** With the webhook: the campaign the receiving tool enrols the account in (its key travels in the payload); its deliveries come back by import or API. */
    techCampaignId: integer().references(() => campaigns.id, { onDelete: 'set null' }),
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
    check('alert_rules_channel', sql`${t.techChannel} in ('email', 'webhook') or (${t.techChannel} is null and ${t.first} = 'task')`),
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

/**
 * A tech touch an alert episode sent (the ladder's first rung): an email to
 * the account's contacts or a signed webhook to the in-app tool. One per
 * episode; recorded in the touch ledger once it has left (`sent`).
 */
export const techTouches = pgTable(
  'tech_touches',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    episodeId: bigint({ mode: 'number' }).references(() => alertEpisodes.id, { onDelete: 'set null' }),
    ruleId: integer().references(() => alertRules.id, { onDelete: 'set null' }),
    /** The rule's name when sent (the rule may be renamed or deleted later). */
    ruleName: text().notNull(),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    channel: text().notNull(),
    subject: text(),
    message: text(),
    /** A webhook nudge's campaign when sent (its rule's then): the account is enrolled in it. */
    campaignId: integer().references(() => campaigns.id, { onDelete: 'set null' }),
    /** queued → sent, or failed (with the reason); skipped: nobody to send to (no contacts, all opted out, no webhook or SMTP). */
    status: text().notNull().default('queued'),
    attempts: smallint().notNull().default(0),
    lastError: text(),
    /** The webhook's answer (HTTP status) on the last attempt. */
    responseStatus: smallint(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tech_touches_episode_key').on(t.episodeId),
    index('tech_touches_account_idx').on(t.accountId, t.createdAt.desc()),
    index('tech_touches_rule_idx').on(t.ruleId),
    index('tech_touches_campaign_idx').on(t.campaignId).where(sql`${t.campaignId} is not null`),
    index('tech_touches_status_idx').on(t.status).where(sql`${t.status} = 'queued'`),
    check('tech_touches_channel', sql`${t.channel} in ('email', 'webhook')`),
    check('tech_touches_status', sql`${t.status} in ('queued', 'sent', 'failed', 'skipped')`),
  ],
);

/** One contact's copy of an email tech touch (opted-out contacts are `skipped`). */
export const techTouchRecipients = pgTable(
  'tech_touch_recipients',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    techTouchId: bigint({ mode: 'number' })
      .notNull()
      .references(() => techTouches.id, { onDelete: 'cascade' }),
    contactId: integer().references(() => contacts.id, { onDelete: 'set null' }),
    email: text().notNull(),
    language: text(),
    /** The email's one-click unsubscribe address (/u/<token>): 64 random hex characters. */
    token: text()
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    status: text().notNull().default('queued'),
    error: text(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('tech_touch_recipients_key').on(t.techTouchId, t.contactId),
    uniqueIndex('tech_touch_recipients_token_key').on(t.token),
    index('tech_touch_recipients_contact_idx').on(t.contactId).where(sql`${t.contactId} is not null`),
    index('tech_touch_recipients_queued_idx').on(t.techTouchId).where(sql`${t.status} = 'queued'`),
    check('tech_touch_recipients_status', sql`${t.status} in ('queued', 'sent', 'failed', 'skipped')`),
  ],
);

/**
 * In-app notifications (the bell): a task assigned to the user, a task of
 * theirs due within 24 hours, an override request of theirs decided. One per
 * user, kind and subject; read when the user opens them.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    taskId: bigint({ mode: 'number' }).references(() => tasks.id, { onDelete: 'cascade' }),
    overrideRequestId: integer().references(() => tierOverrideRequests.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_task_key').on(t.userId, t.kind, t.taskId).where(sql`${t.taskId} is not null`),
    uniqueIndex('notifications_request_key').on(t.userId, t.kind, t.overrideRequestId).where(sql`${t.overrideRequestId} is not null`),
    index('notifications_user_idx').on(t.userId, t.createdAt.desc()),
    // The bell's count on every page: a user's unread ones only.
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    // Deleting a task or an override request removes its notifications: found by the subject, not a scan.
    index('notifications_task_idx').on(t.taskId).where(sql`${t.taskId} is not null`),
    index('notifications_request_idx').on(t.overrideRequestId).where(sql`${t.overrideRequestId} is not null`),
    check('notifications_kind', sql`${t.kind} in ('task_assigned', 'task_due', 'override_decided')`),
  ],
);
