'use server';

import { lockImports, writeImport } from '@/db/queries/account-import';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { prepareImport, previewImportInput, runImportInput, type ImportPreview, type ImportResult } from './prepare-import';


/** Reads and checks a file, writing nothing: the mapping, the counts and the row errors. */
export const previewImport = action({
  name: 'account.import_preview',
  permission: 'accounts.import',
  input: previewImportInput,
  async run({ tx, input }): Promise<ImportPreview> {
    return (await prepareImport(tx, input)).preview;
  },
});

function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Imports a file in one transaction. Mode "all" writes nothing when any row
 * has an error; "validOnly" writes the rows without errors. The file is
 * checked again here: the preview the user saw may be stale.
 */
export const runImport = action({
  name: 'account.import',
  permission: 'accounts.import',
  input: runImportInput,
  revalidate: ['/accounts'],
  async run({ user, tx, input, audit }): Promise<ImportResult> {
    await lockImports(tx);
    const { preview, writes, policy } = await prepareImport(tx, input, { forUpdate: true });
    const [mappingError] = preview.mappingErrors;
    if (mappingError) throw new ActionError(mappingError);
    if (input.mode === 'all' && preview.invalidRows > 0) throw new ActionError({ key: 'import.errors.rowsHaveErrors', values: { rows: preview.invalidRows } });
    if (preview.invalidRows === preview.totalRows) throw new ActionError({ key: 'import.errors.noValidRows' });
    try {
      await writeImport(tx, writes, { actorId: user.id, policyVersion: policy.version });
    } catch (e) {
      // Someone saved an account with one of these domains or external ids after we checked.
      if (isUniqueViolation(e)) throw new ActionError({ key: 'import.errors.changedMeanwhile' });
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
