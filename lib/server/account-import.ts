import 'server-only';
import type { Db, DbOrTx } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import {
  activeBatch,
  applyStagedRows,
  batchesToClear,
  changedSinceStaged,
  claimStaleBatches,
  clearStagedRows,
  findBatch,
  finishBatch,
  insertBatch,
  setBatchState,
  stageRows,
  type Batch,
  type StagedRow,
} from '@/db/queries/import-batches';
import { currentPolicy, lockPoliciesShared } from '@/db/queries/tier-policies';
import type { AccountUpdate, NewAccount } from '@/lib/accounts/import-plan';
import { ActionError } from '@/lib/actions/result';
import { isEmbedded } from '@/lib/env';

// Writing an import in short transactions, all or nothing.
//
// The embedded database runs SQL on Node's main thread and a transaction
// holds its only connection, so one long import transaction froze every
// other request for a minute. Instead:
//  1. staging: the planned rows go to import_rows, a chunk per transaction.
//     Nobody reads import_rows, so nothing is visible yet. A crash leaves a
//     'staging' batch: recovery marks it failed and deletes its rows.
//     Each chunk is checked against accounts as it is staged (versions,
//     domains, external ids).
//  2. applying: one transaction re-checks the tier policy and the accounts
//     written since staging began (not all of them: one statement over the
//     whole file took 0.5 s), marks the batch 'applying' and applies the
//     first chunk; each further chunk is its own transaction. From 'applying' on the import only goes forward:
//     recovery applies the chunks left, so the end state is all of it.
//  3. done: marked with the audit row, once.
// The chunk size is the one difference between the databases: on PostgreSQL
// the whole import is one chunk, so step 2 is one transaction (readers are
// not blocked there, and see all of it or none); on the embedded database a
// chunk is a few hundred rows, and between chunks other requests run.

export type ImportChunking = {
  /** Rows per staging statement. */
  stageRows: number;
  /** Rows per apply statement (and transaction); Infinity applies the whole import in one. */
  applyRows: number;
  /** Tests only: called after each committed chunk (a promise that never settles stands for a crash). */
  afterChunk?: (phase: 'stage' | 'apply', index: number) => void | Promise<void>;
};

/**
 * Embedded: 200 new accounts into 18 indexes are about 200 ms on a loaded
 * machine (the statement budget is 250 ms); staging is one cheap index.
 */
export const importChunking = (): ImportChunking =>
  isEmbedded() ? { stageRows: 1000, applyRows: 200 } : { stageRows: 5000, applyRows: Number.POSITIVE_INFINITY };

/** A running import that stops moving for this long belongs to a crashed process. */
export const staleImportSeconds = 60;

/** Lets other requests run between two chunks: for about half as long as the chunk took, at most 100 ms. */
async function rest(since: number): Promise<void> {
  const ms = Math.min(100, (performance.now() - since) / 2);
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}

class ImportConflict extends Error {}

const alreadyRunning = () => new ActionError({ key: 'import.errors.alreadyRunning' });

function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function fail(db: Db, batchId: number): Promise<void> {
  await db.transaction((tx) => setBatchState(tx, batchId, 'failed'));
  await clearBatch(db, batchId);
}

/** Deletes a failed batch's staged rows, a chunk per statement (applying a chunk deletes its own). */
async function clearBatch(db: Db, batchId: number): Promise<void> {
  for (;;) {
    const started = performance.now();
    if ((await clearStagedRows(db, batchId, 2000)) === 0) return;
    await rest(started);
  }
}

/** Applies the chunks after `batch.appliedThrough`, each its own transaction; no going back now. */
async function applyRest(db: Db, batch: Batch, chunking: ImportChunking, firstIndex: number): Promise<void> {
  let index = firstIndex;
  for (let from = batch.appliedThrough; from < batch.rows; from += chunking.applyRows, index++) {
    const started = performance.now();
    const to = Math.min(batch.rows, from + chunking.applyRows);
    await db.transaction((tx) => applyStagedRows(tx, batch, from, to));
    await chunking.afterChunk?.('apply', index);
    await rest(started);
  }
}

/**
 * Writes a planned import (new accounts, changed accounts, their tier
 * history) and returns its batch, applied but not yet marked done: the
 * caller marks it with finishImport in the transaction that ends the action.
 * Throws ActionError when another import is running or the plan is stale.
 */
export async function importAccounts(
  db: Db,
  plan: { creates: readonly NewAccount[]; updates: readonly AccountUpdate[] },
  ctx: { actorId: number; policyVersion: number; audit: Record<string, unknown> },
  chunking: ImportChunking = importChunking(),
): Promise<number> {
  // A crashed import must not hold the workspace forever.
  await recoverImports(db, staleImportSeconds);
  // Read first: inserting next to a batch another transaction is moving would wait for it.
  if (await activeBatch(db)) throw alreadyRunning();
  const rows: StagedRow[] = [...plan.creates, ...plan.updates];
  let batchId: number;
  try {
    batchId = await insertBatch(db, { actorId: ctx.actorId, policyVersion: ctx.policyVersion, rows: rows.length, audit: ctx.audit });
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyRunning();
    throw e;
  }

  try {
    for (let from = 0, index = 0; from < rows.length; from += chunking.stageRows, index++) {
      const started = performance.now();
      const { conflict } = await db.transaction((tx) => stageRows(tx, batchId, from, rows.slice(from, from + chunking.stageRows)));
      if (conflict) throw new ImportConflict();
      await chunking.afterChunk?.('stage', index);
      await rest(started);
    }
    await db.transaction(async (tx) => {
      await lockPoliciesShared(tx);
      if ((await currentPolicy(tx)).version !== ctx.policyVersion || (await changedSinceStaged(tx, batchId))) throw new ImportConflict();
      await setBatchState(tx, batchId, 'applying');
      // The first chunk (on PostgreSQL: all of it) in the same transaction: any row a save overtook undoes the whole import.
      if ((await applyStagedRows(tx, { id: batchId, ...ctx }, 0, Math.min(rows.length, chunking.applyRows))) > 0) throw new ImportConflict();
    });
  } catch (e) {
    await fail(db, batchId);
    // Someone saved one of these accounts, or an account with one of these domains or external ids, after we checked.
    if (e instanceof ImportConflict || isUniqueViolation(e)) throw new ActionError({ key: 'import.errors.changedMeanwhile' });
    throw e;
  }
  await chunking.afterChunk?.('apply', 0);
  await applyRest(db, (await findBatch(db, batchId))!, chunking, 1);
  return batchId;
}

/** Marks an applied batch done and writes its audit row; nothing when it is already done. */
export async function finishImport(tx: DbOrTx, batchId: number): Promise<void> {
  const batch = await finishBatch(tx, batchId);
  if (!batch) return;
  const after = batch.overtaken ? { ...batch.audit, overtaken: batch.overtaken } : batch.audit;
  await writeAudit(tx, { actorId: batch.actorId, action: 'account.import', entity: 'account', after });
}

/**
 * Finishes what crashed imports left: a batch still staging changed nothing
 * and fails; a batch applying is applied to the end and marked done. Runs at
 * server start and before every import; `staleSeconds` 0 takes every running
 * batch (the embedded database at start: one process, so nothing else runs).
 */
export async function recoverImports(db: Db, staleSeconds: number, chunking: ImportChunking = importChunking()): Promise<void> {
  for (const batch of await claimStaleBatches(db, staleSeconds)) {
    if (batch.state === 'staging') {
      await fail(db, batch.id);
      continue;
    }
    await applyRest(db, batch, chunking, 0);
    await db.transaction((tx) => finishImport(tx, batch.id));
  }
  for (const id of await batchesToClear(db)) await clearBatch(db, id);
}

/** At server start, in the background; a failure is logged and retried before the next import. */
export async function recoverAtStart(): Promise<void> {
  try {
    const { getDb } = await import('@/db/client');
    await recoverImports(await getDb(), isEmbedded() ? 0 : staleImportSeconds);
  } catch (e) {
    console.error('[import recovery]', e);
  }
}
