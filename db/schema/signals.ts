import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { users } from './users';

// Usage signals: product events sent to the Segment-compatible ingestion API
// (app/api/v1, lib/server/ingest.ts) with a workspace's write keys.

/** A key that can only ingest: shown once, kept as its SHA-256; `prefix` names it in lists. */
export const writeKeys = pgTable(
  'write_keys',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    /** Requests a minute this key may make before 429. */
    ratePerMinute: integer().notNull().default(6000),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: integer().references(() => users.id),
  },
  (t) => [uniqueIndex('write_keys_hash_key').on(t.keyHash), check('write_keys_rate', sql`${t.ratePerMinute} between 1 and 1000000`)],
);

/** Requests per key per minute (fixed windows), in the database so every app instance counts the same. */
export const ingestRate = pgTable(
  'ingest_rate',
  {
    keyId: integer()
      .notNull()
      .references(() => writeKeys.id, { onDelete: 'cascade' }),
    minute: timestamp({ withTimezone: true }).notNull(),
    requests: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.minute] })],
);

/**
 * Message ids seen in the last 30 days: a repeated one is accepted and stored
 * nowhere. Outside usage_events, whose unique keys must include the partition key.
 */
export const usageMessageIds = pgTable(
  'usage_message_ids',
  {
    messageId: text().primaryKey(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('usage_message_ids_received_idx').on(t.receivedAt)],
);

/**
 * Every accepted message, partitioned by month of `occurredAt` (the
 * migration declares the partitioning; partitions are made and dropped by
 * db/queries/usage-partitions.ts). `accountId` is null while the group is
 * unknown; a trigger on accounts attributes the events when it appears.
 */
export const usageEvents = pgTable(
  'usage_events',
  {
    id: bigint({ mode: 'number' }).notNull().default(sql`nextval('usage_events_id_seq')`),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    messageId: text().notNull(),
    /** track, identify, group, page or screen. */
    type: text().notNull(),
    /** The event's name (track), the page's or screen's name; null for identify and group. */
    event: text(),
    /** The user: `userId`, else `anon:` and the anonymous id. */
    userKey: text().notNull(),
    /** The group as sent (`context.groupId`, a group's `groupId`) or the user's last group. */
    groupId: text(),
    accountId: integer().references(() => accounts.id, { onDelete: 'cascade' }),
    keyId: integer(),
    properties: jsonb(),
    traits: jsonb(),
  },
  (t) => [
    primaryKey({ columns: [t.occurredAt, t.id] }),
    index('usage_events_account_idx').on(t.accountId, t.occurredAt),
    // An account's latest event of a name (its last NPS response).
    index('usage_events_account_event_idx').on(t.accountId, t.event, t.occurredAt),
    index('usage_events_received_idx').on(t.receivedAt),
    index('usage_events_unattributed_idx').on(t.groupId).where(sql`${t.accountId} is null`),
  ],
);

/** Each user's last group (a `group` call), so their later events are attributed without one. */
export const usageUsers = pgTable(
  'usage_users',
  {
    userKey: text().primaryKey(),
    groupId: text(),
    accountId: integer().references(() => accounts.id, { onDelete: 'set null' }),
    traits: jsonb(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('usage_users_unattributed_idx').on(t.groupId).where(sql`${t.accountId} is null`), index('usage_users_account_idx').on(t.accountId).where(sql`${t.accountId} is not null`)],
);

/** Messages refused, with the field and why, for the debugger (the newest kept). */
export const ingestRejections = pgTable(
  'ingest_rejections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    keyId: integer().references(() => writeKeys.id, { onDelete: 'cascade' }),
    endpoint: text().notNull(),
    position: integer().notNull(),
    messageId: text(),
    type: text(),
    field: text().notNull(),
    reason: text().notNull(),
    /** The start of the message as sent. */
    excerpt: text().notNull(),
  },
  (t) => [index('ingest_rejections_received_idx').on(t.receivedAt)],
);

/**
 * What an event name means (Admin → Signals): logins, key features,
 * pricing-page views, support tickets, NPS responses (with the property
 * holding the score). An event (track) or page/screen name may carry
 * several meanings; each meaning may have several names.
 */
export const eventMappings = pgTable(
  'event_mappings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    meaning: text().notNull(),
    event: text().notNull(),
    /** For NPS: the property with the 0–10 score. */
    scoreProperty: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_mappings_meaning_event_key').on(t.meaning, t.event),
    check('event_mappings_meaning', sql`${t.meaning} in ('login', 'key_feature', 'pricing_view', 'support_ticket', 'nps')`),
  ],
);

/** Events per account, workspace day and event name (track events, pages and screens by name): what signals read. */
export const usageDaily = pgTable(
  'usage_daily',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    event: text().notNull(),
    events: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.event] }), index('usage_daily_day_idx').on(t.day), index('usage_daily_event_day_idx').on(t.event, t.day)],
);

/** Who was active at an account on a workspace day: active users and last seen. */
export const usageUserDays = pgTable(
  'usage_user_days',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    userKey: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.userKey] }), index('usage_user_days_day_idx').on(t.day)],
);

/** Events per account and workspace day, all names together: the usage trend's sums over every account at once. */
export const usageAccountDays = pgTable(
  'usage_account_days',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    events: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] }), index('usage_account_days_day_idx').on(t.day)],
);

/** Each user's last workspace day at an account: today's last seen and active users without reading every user-day. */
export const usageAccountUsers = pgTable(
  'usage_account_users',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userKey: text().notNull(),
    lastDay: date({ mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userKey] })],
);

/**
 * Each event name's last use at an account (track events, pages and
 * screens): today's key-feature adoption, and the latest NPS response, whose
 * properties are kept while its name is mapped to NPS.
 */
export const usageLastEvents = pgTable(
  'usage_last_events',
  {
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    lastDay: date({ mode: 'string' }).notNull(),
    lastAt: timestamp({ withTimezone: true }),
    properties: jsonb(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.event] })],
);

/**
 * Attributed usage events waiting to be rolled up (db/queries/usage-rollup.ts):
 * the ingestion request only appends here, and one job folds them into the
 * roll-ups in bulk, so concurrent requests never wait on each other's locks.
 */
export const usageRollupQueue = pgTable('usage_rollup_queue', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  accountId: integer().notNull(),
  occurredAt: timestamp({ withTimezone: true }).notNull(),
  /** A track event, page or screen (counted in the day's events), not an identify or group. */
  counted: boolean().notNull(),
  event: text().notNull(),
  userKey: text().notNull(),
  /** Kept only for names mapped to NPS (the latest response's score). */
  properties: jsonb(),
});
