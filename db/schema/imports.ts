import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { importStates } from '@/lib/vocabulary';
import { users } from './users';

// A CSV import is written in short statements (the embedded database runs SQL
// on Node's main thread), so its state lives here: the planned rows are
// staged, then applied to accounts, and a crash at any point is recovered
// from these rows (lib/server/account-import.ts).
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export const importStateEnum = pgEnum('import_state', importStates);

export const importBatches = pgTable(
  'import_batches',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // A deployment serves one workspace (workspace_settings has one row).
    workspaceId: integer().notNull().default(1),
    state: importStateEnum().notNull().default('staging'),
    actorId: integer().references(() => users.id),
    policyVersion: integer().notNull(),
    // Staged rows have seq 0..rows-1; those below applied_through are applied.
    rows: integer().notNull().default(0),
    appliedThrough: integer().notNull().default(0),
    // Rows a save by someone else overtook while the chunks were applied (embedded database only).
    overtaken: integer().notNull().default(0),
    // The audit row's "after", written once when the batch is done.
    audit: jsonb().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The oldest transaction still running when the batch began: an account
    // row whose xmin is this one or newer was written since, which is how
    // applying finds what changed after staging without reading every row.
    sinceXact: xid8().notNull().default(sql`pg_snapshot_xmin(pg_current_snapshot())`),
    // Moved by every chunk: a batch that stops moving belongs to a crashed process.
    touchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One import at a time per workspace, held in the database so every app server sees it.
    uniqueIndex('import_batches_one_active').on(t.workspaceId).where(sql`${t.state} in ('staging', 'applying')`),
    index('import_batches_state_idx').on(t.state),
  ],
);

export const importRows = pgTable(
  'import_rows',
  {
    batchId: integer()
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    // Null for a new account; else the account and the version the plan read.
    accountId: integer(),
    version: integer(),
    fromTier: smallint(),
    tierChanged: boolean().notNull().default(false),
    // A new account's lower-cased domain and external id, to find a clash without reading `row`.
    domain: text(),
    externalId: text(),
    // The account's columns by their SQL names, read with jsonb_populate_record.
    row: jsonb().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.seq] }),
    // Applying looks up the few accounts written since staging began, never reading every staged row.
    index('import_rows_account_idx').on(t.batchId, t.accountId).where(sql`${t.accountId} is not null`),
    index('import_rows_domain_idx').on(t.batchId, t.domain).where(sql`${t.domain} is not null`),
    index('import_rows_external_id_idx').on(t.batchId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);
