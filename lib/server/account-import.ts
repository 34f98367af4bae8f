import 'server-only';
import type { Db } from '@/db/client';
import { stagedAccount } from '@/db/queries/account-import';
import type { AccountUpdate, NewAccount } from '@/lib/accounts/import-plan';
import { importChunking, writeImport, type ImportChunking } from './import-batch';

/**
 * Writes a planned account import (new accounts, changed accounts, their tier
 * history) through the staged batch (import-batch.ts) and returns the batch,
 * applied but not yet marked done (finishImport). Refuses to apply if the
 * tier policy or any account the plan read changed since.
 */
export async function importAccounts(
  db: Db,
  plan: { creates: readonly NewAccount[]; updates: readonly AccountUpdate[] },
  ctx: { actorId: number; policyVersion: number; audit: Record<string, unknown> },
  chunking: ImportChunking = importChunking(),
): Promise<number> {
  return writeImport(db, 'account', [...plan.creates, ...plan.updates].map(stagedAccount), ctx, chunking);
}
