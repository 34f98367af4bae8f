import 'server-only';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { loadContactsByEmail, loadImportAccounts } from '@/db/queries/contact-import';
import {
  autoContactMapping,
  checkContactRows,
  contactImportColumns,
  contactMappingErrors,
  contactMatchKeys,
  contactRowMatcher,
  contactWritePlanner,
  type ContactImportColumn,
  type Importer,
} from '@/lib/contacts/import-plan';
import { addProblems, importInputs, inSlices, pause, previewOf, readImportFile, type ImportPreview } from '@/lib/import/read-file';

// The steps preview and import share: read the file, map its columns, check
// every row, match accounts and contacts, and plan the writes. The import
// runs them again rather than trusting what the preview showed; the reads
// are short queries outside any transaction, the checking goes in slices.

export const contactImportInputs = importInputs(contactImportColumns);
export type ContactImportPreview = ImportPreview<ContactImportColumn>;

export async function prepareContactImport(db: DbOrTx, importer: Importer, input: z.output<typeof contactImportInputs.preview>) {
  const read = await readImportFile(input, autoContactMapping, 'contacts.csv');
  const problems = contactMappingErrors(read.mapping);
  await pause();
  // Without a name and an email column no row can be checked; the mapping is the first thing to fix.
  const checked = problems.length ? [] : await inSlices(read.rows, (slice) => checkContactRows(read.headers, slice, read.mapping));
  addProblems(checked, read.problems);
  const keys = contactMatchKeys(checked);
  const accounts = await loadImportAccounts(db, keys);
  const existing = await loadContactsByEmail(db, keys.emails);
  const match = contactRowMatcher(read.headers, read.mapping, accounts, existing, importer);
  const rows = await inSlices(checked, (slice) => slice.map(match));
  const planner = contactWritePlanner(existing, importer);
  await inSlices(rows, (slice) => (slice.forEach(planner.add), []));
  const writes = planner.writes;
  const preview: ContactImportPreview = previewOf(read, problems, rows, writes);
  return { preview, writes };
}
