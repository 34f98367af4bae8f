'use server';

import { getDb } from '@/db/client';
import { ImportConflict, lockImports, writeImport } from '@/db/queries/account-import';
import { currentPolicy, lockPoliciesShared } from '@/db/queries/tier-policies';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { prepareImport, previewImportInput, runImportInput, type ImportPreview, type ImportResult } from './prepare-import';


// Reading and checking a file runs in `prepare`, before the transaction and
// in slices: on the embedded database a transaction holds the only
// connection, and a 100,000-row file takes seconds to check.

/** Reads and checks a file, writing nothing: the mapping, the counts and the row errors. */
export const previewImport = action({
  name: 'account.import_preview',
  permission: 'accounts.import',
  input: previewImportInput,
  prepare: async ({ input }) => (await prepareImport(await getDb(), input)).preview,
  async run({ prepared }): Promise<ImportPreview> {
    return prepared;
  },
});

function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const changedMeanwhile = () => new ActionError({ key: 'import.errors.changedMeanwhile' });

/**
 * Imports a file in one transaction. Mode "all" writes nothing when any row
 * has an error; "validOnly" writes the rows without errors. The file is
 * checked again here: the preview the user saw may be stale. It is checked
 * before the transaction, so the writes refuse to apply (and roll back) if
 * the tier policy or any account they update changed in between.
 */
export const runImport = action({
  name: 'account.import',
  permission: 'accounts.import',
  input: runImportInput,
  revalidate: ['/accounts'],
  prepare: async ({ input }) => prepareImport(await getDb(), input),
  async run({ user, tx, input, prepared, audit }): Promise<ImportResult> {
    const { preview, writes, policy } = prepared;
    const [mappingError] = preview.mappingErrors;
    if (mappingError) throw new ActionError(mappingError);
    if (input.mode === 'all' && preview.invalidRows > 0) throw new ActionError({ key: 'import.errors.rowsHaveErrors', values: { rows: preview.invalidRows } });
    if (preview.invalidRows === preview.totalRows) throw new ActionError({ key: 'import.errors.noValidRows' });
    await lockImports(tx);
    await lockPoliciesShared(tx);
    if ((await currentPolicy(tx)).version !== policy.version) throw changedMeanwhile();
    try {
      await writeImport(tx, writes, { actorId: user.id, policyVersion: policy.version });
    } catch (e) {
      // Someone saved one of these accounts, or an account with one of these domains or external ids, after we checked.
      if (e instanceof ImportConflict || isUniqueViolation(e)) throw changedMeanwhile();
      throw e;
    }
    const result: ImportResult = {
      created: writes.creates.length,
      updated: writes.updates.length,
      unchanged: writes.unchanged,
      skipped: preview.invalidRows,
    };
    await audit({ action: 'account.import', entity: 'account', after: { file: preview.fileName, encoding: preview.encoding, mode: input.mode, rows: preview.totalRows, ...result } });
    return result;
  },
});
