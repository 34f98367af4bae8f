import 'server-only';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { loadMatchingAccounts, loadOwners } from '@/db/queries/account-import';
import { currentPolicy } from '@/db/queries/tier-policies';
import { getWorkspace } from '@/db/queries/workspace';
import { autoMapping, checkRows, importColumns, mappingErrors, matchKeys, rowMatcher, writePlanner, type PlannedRow } from '@/lib/accounts/import-plan';
import { addProblems, importInputs, inSlices, pause, previewOf, readImportFile, type ImportPreview as Preview } from '@/lib/import/read-file';
import { workspaceToday } from '@/lib/server/account-write';

// The steps preview and import share: read the file, map its columns, check
// every row and plan the writes. The import runs them again on the server
// rather than trusting what the preview showed. The checking goes in slices
// (lib/import/read-file.ts); the reads are short queries outside any
// transaction (see the import's `prepare`).

export { maxImportMegabytes, type ImportResult } from '@/lib/import/read-file';

const inputs = importInputs(importColumns);
export const previewImportInput = inputs.preview;
export const runImportInput = inputs.run;

export type ImportPreview = Preview<(typeof importColumns)[number]>;

export async function prepareImport(db: DbOrTx, input: z.output<typeof previewImportInput>) {
  const read = await readImportFile(input, autoMapping, 'accounts.csv');
  const problems = mappingErrors(read.mapping);
  const { currency } = await getWorkspace(db);
  await pause();
  // Without a name and a domain column no row can be checked; the mapping is the first thing to fix.
  const checked = problems.length ? [] : await inSlices(read.rows, (slice) => checkRows(read.headers, slice, read.mapping, { currency }));
  addProblems(checked, read.problems);
  const keys = matchKeys(checked);
  const existing = await loadMatchingAccounts(db, keys);
  const owners = await loadOwners(db, keys.ownerEmails);
  const match = rowMatcher(read.headers, read.mapping, existing, owners);
  const rows: PlannedRow[] = await inSlices(checked, (slice) => slice.map(match));
  // The policy the tiers are computed with; the import checks it is still the current one when it writes.
  const policy = await currentPolicy(db);
  const planner = writePlanner(existing, { policy, today: await workspaceToday(db) });
  await inSlices(rows, (slice) => (slice.forEach(planner.add), []));
  const writes = planner.writes;
  const preview: ImportPreview = previewOf(read, problems, rows, writes);
  return { preview, writes, policy };
}
