'use server';

import { getDb } from '@/db/client';
import { action } from '@/lib/actions/action';
import { assertRunnable } from '@/lib/import/read-file';
import { importAccounts } from '@/lib/server/account-import';
import { finishImport } from '@/lib/server/import-batch';
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

/**
 * Imports a file, all or nothing. Mode "all" writes nothing when any row has
 * an error; "validOnly" writes the rows without errors. The file is checked
 * again here: the preview the user saw may be stale. The writes happen in
 * `prepare` too, in short transactions (lib/server/account-import.ts), and
 * refuse to apply if the tier policy or any account they rely on changed
 * since the check; the action's own transaction marks the import done with
 * its audit row.
 */
export const runImport = action({
  name: 'account.import',
  permission: 'accounts.import',
  input: runImportInput,
  revalidate: ['/accounts'],
  async prepare({ user, input }) {
    const db = await getDb();
    const { preview, writes, policy } = await prepareImport(db, input);
    assertRunnable(preview, input.mode);
    const result: ImportResult = {
      created: writes.creates.length,
      updated: writes.updates.length,
      unchanged: writes.unchanged,
      skipped: preview.invalidRows,
    };
    const audit = { file: preview.fileName, encoding: preview.encoding, mode: input.mode, rows: preview.totalRows, ...result };
    const batchId = await importAccounts(db, writes, { actorId: user.id, policyVersion: policy.version, audit });
    return { batchId, result };
  },
  async run({ tx, prepared }): Promise<ImportResult> {
    await finishImport(tx, prepared.batchId);
    return prepared.result;
  },
});
