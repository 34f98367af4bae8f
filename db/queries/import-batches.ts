import { sql, type SQL } from 'drizzle-orm';
import type { ImportKind } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';
import { importBatches, importRows } from '../schema';

// The SQL of an import written in short statements, whatever it imports: a
// batch row holds the kind, the state (staging → applying → done, or failed)
// and the one-import-at-a-time lock; import_rows holds the planned rows
// until they are applied. Each function is one statement over a range of
// rows, so the caller decides how many rows a transaction holds. What
// applying a row means is the kind's own SQL (account-import.ts,
// contact-import.ts).

export type Batch = {
  id: number;
  state: 'staging' | 'applying' | 'done' | 'failed';
  kind: ImportKind;
  actorId: number | null;
  policyVersion: number | null;
  rows: number;
  appliedThrough: number;
  overtaken: number;
  audit: Record<string, unknown>;
};

const batchColumns = {
  id: importBatches.id,
  state: importBatches.state,
  kind: importBatches.kind,
  actorId: importBatches.actorId,
  policyVersion: importBatches.policyVersion,
  rows: importBatches.rows,
  appliedThrough: importBatches.appliedThrough,
  overtaken: importBatches.overtaken,
  audit: importBatches.audit,
};

/** A running import (staging or applying) of the workspace, read without waiting for anyone. */
export async function activeBatch(db: DbOrTx): Promise<{ id: number } | undefined> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from ${importBatches} where state in ('staging', 'applying') limit 1`);
  return row;
}

/** Starts a batch; a unique violation (23505) means another import holds the workspace. */
export async function insertBatch(
  db: DbOrTx,
  values: { kind: ImportKind; actorId: number; policyVersion?: number | null; rows: number; audit: Record<string, unknown> },
): Promise<number> {
  const [row] = await db.insert(importBatches).values(values).returning({ id: importBatches.id });
  return row!.id;
}

export async function findBatch(db: DbOrTx, id: number): Promise<Batch | undefined> {
  const [row] = await db.select(batchColumns).from(importBatches).where(sql`${importBatches.id} = ${id}`);
  return row as Batch | undefined;
}

/** A staged row as JSON: `row` holds the record's columns by their SQL names; the other keys are the account import's. */
export type StagedJson = {
  row: Record<string, unknown>;
  account_id?: number | null;
  version?: number | null;
  from_tier?: number | null;
  tier_changed?: boolean;
  domain?: string | null;
  external_id?: string | null;
};

/**
 * Stages rows from seq `first` on, in one statement (the rows travel as one
 * JSON parameter), and says whether any of them no longer holds: `conflict`
 * is the kind's test over the chunk, a CTE named `input` (an account to
 * update saved since the file was checked, a key now taken…).
 */
export async function stageRows(db: DbOrTx, batchId: number, first: number, rows: readonly StagedJson[], conflict: SQL): Promise<{ conflict: boolean }> {
  if (!rows.length) return { conflict: false };
  const json = rows.map((r, i) => ({ ...r, seq: first + i }));
  const [result] = await queryRows<{ conflict: boolean }>(db, sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(json)}::jsonb)
        as r(seq int, account_id int, version int, from_tier smallint, tier_changed boolean, domain text, external_id text, row jsonb)
    ), moved as (
      update ${importBatches} set touched_at = now() where id = ${batchId}
    ), staged as (
      insert into ${importRows} (batch_id, seq, account_id, version, from_tier, tier_changed, domain, external_id, row)
      select ${batchId}, seq, account_id, version, from_tier, coalesce(tier_changed, false), domain, external_id, row from input
    )
    select ${conflict} as conflict`);
  return { conflict: result?.conflict ?? false };
}

/** The staged rows [from, to) of a batch, unqualified: the apply statements join import_rows with the record's own columns, which have neither name. */
export const stagedRange = (batchId: number, from: number, to: number) => sql`batch_id = ${batchId} and seq >= ${from} and seq < ${to}`;

/**
 * How every apply statement ends, after its CTEs \`staged\`, \`created\` and
 * \`updated\`: drop the staged rows, move the batch's progress, and select how
 * many staged rows neither created nor updated anything (a save overtook them).
 */
export const appliedRange = (batchId: number, from: number, to: number) => sql`
  consumed as (
    delete from ${importRows} where ${stagedRange(batchId, from, to)}
  ), counts as (
    select (select count(*) from staged) - (select count(*) from created) - (select count(*) from updated) as missed
  ), progress as (
    update ${importBatches} set applied_through = ${to}, overtaken = overtaken + (select missed from counts), touched_at = now()
    where id = ${batchId}
  )
  select missed::int as missed from counts`;

export async function setBatchState(db: DbOrTx, batchId: number, state: Batch['state']): Promise<void> {
  await db.execute(sql`update ${importBatches} set state = ${state}, touched_at = now() where id = ${batchId}`);
}

/** Marks an applying batch done and returns it, once: a second caller gets nothing. */
export async function finishBatch(db: DbOrTx, batchId: number): Promise<Batch | undefined> {
  const [row] = await db
    .update(importBatches)
    .set({ state: 'done', touchedAt: sql`now()` })
    .where(sql`${importBatches.id} = ${batchId} and ${importBatches.state} = 'applying'`)
    .returning(batchColumns);
  return row as Batch | undefined;
}

/**
 * Running batches that have not moved for `staleSeconds`, claimed by moving
 * them now (skipping one whose row another transaction holds), so two
 * servers never recover the same batch.
 */
export async function claimStaleBatches(db: DbOrTx, staleSeconds: number): Promise<Batch[]> {
  return queryRows<Batch>(db, sql`
    update ${importBatches} b set touched_at = clock_timestamp()
    where b.id in (
      select id from ${importBatches}
      where state in ('staging', 'applying') and touched_at <= clock_timestamp() - make_interval(secs => ${staleSeconds})
      for update skip locked
    )
    returning b.id, b.state, b.kind, b.actor_id as "actorId", b.policy_version as "policyVersion", b.rows,
      b.applied_through as "appliedThrough", b.overtaken, b.audit`);
}

/** Finished batches that still have staged rows (a cleanup was interrupted). */
export async function batchesToClear(db: DbOrTx): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`
    select b.id from ${importBatches} b
    where b.state in ('done', 'failed') and exists (select 1 from ${importRows} r where r.batch_id = b.id)`);
  return rows.map((r) => r.id);
}

/** Deletes up to `limit` staged rows of a finished batch; returns how many. */
export async function clearStagedRows(db: DbOrTx, batchId: number, limit: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`
    with gone as (
      delete from ${importRows} where batch_id = ${batchId}
        and seq in (select seq from ${importRows} where batch_id = ${batchId} order by seq limit ${limit})
      returning 1
    ) select count(*)::int as n from gone`);
  return row?.n ?? 0;
}
