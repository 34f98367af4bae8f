import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contentEmailStatuses } from '../../lib/vocabulary';
import { accounts } from './accounts';
import { contactLanguageEnum, contacts } from './contacts';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

// Kinds of content (template, guide, video, help article, recording, other).
// Built-in kinds have a `key` so their names show in each language; admins
// add their own with a `name`, as activity types do.
export const contentKinds = pgTable(
  'content_kinds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    key: text(),
    name: text(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('content_kinds_key_key').on(t.key), check('content_kinds_named', sql`${t.key} is not null or ${t.name} is not null`)],
);

// A piece of low-touch content, reused across many accounts.
export const contentItems = pgTable(
  'content_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kindId: integer()
      .notNull()
      .references(() => contentKinds.id),
    title: text().notNull(),
    description: text(),
    language: contactLanguageEnum(),
    // The tiers it is meant for (1–3); empty = any.
    tiers: smallint().array().notNull().default(sql`'{}'`),
    archived: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [index('content_items_kind_idx').on(t.kindId)],
);

// An uploaded file's bytes, apart from its version row so lists never read them.
// In the database, so every app instance serves it (files are at most 20 MB).
export const contentFiles = pgTable('content_files', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  bytes: bytea().notNull(),
  sha256: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Each version is a link or a file; a share sends the version current then.
export const contentVersions = pgTable(
  'content_versions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer()
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    url: text(),
    fileId: integer().references(() => contentFiles.id),
    fileName: text(),
    fileType: text(),
    fileSize: integer(),
    note: text(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('content_versions_item_number_key').on(t.itemId, t.number),
    check('content_versions_link_or_file', sql`(${t.url} is null) <> (${t.fileId} is null)`),
  ],
);

// One item shared with one account at one time (one row per account, also
// when shared with an audience of many).
export const contentShares = pgTable(
  'content_shares',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer()
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    versionId: integer()
      .notNull()
      .references(() => contentVersions.id),
    accountId: integer()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    // The shares made together (one click on "Share"), for their mail-merge file and progress.
    batchId: uuid().notNull(),
    sharedBy: integer().references(() => users.id),
    sharedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_shares_item_idx').on(t.itemId, t.sharedAt), index('content_shares_batch_idx').on(t.batchId), index('content_shares_account_idx').on(t.accountId, t.sharedAt)],
);

export const contentEmailStatusEnum = pgEnum('content_email_status', contentEmailStatuses);

// Each contact's own tracked link for a share: `/c/<token>` counts opens,
// then redirects to the link or serves the file. The token is kept as is
// (not hashed) because the link must be sent again (email retries, the
// mail-merge file); it only opens content already shared with that person.
export const contentRecipients = pgTable(
  'content_recipients',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    shareId: integer()
      .notNull()
      .references(() => contentShares.id, { onDelete: 'cascade' }),
    contactId: integer()
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    token: text().notNull(),
    firstOpenedAt: timestamp({ withTimezone: true }),
    lastOpenedAt: timestamp({ withTimezone: true }),
    openCount: integer().notNull().default(0),
    emailStatus: contentEmailStatusEnum().notNull().default('not_sent'),
    emailError: text(),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('content_recipients_token_key').on(t.token),
    uniqueIndex('content_recipients_share_contact_key').on(t.shareId, t.contactId),
    index('content_recipients_contact_idx').on(t.contactId),
  ],
);
