import 'server-only';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { loadMatchingAccounts, loadOwners } from '@/db/queries/account-import';
import { currentPolicy } from '@/db/queries/tier-policies';
import { getWorkspace } from '@/db/queries/workspace';
import {
  autoMapping,
  checkRows,
  importColumns,
  mappingErrors,
  matchKeys,
  rowMatcher,
  writePlanner,
  type CheckedRow,
  type ImportColumn,
  type PlannedRow,
  type RowError,
} from '@/lib/accounts/import-plan';
import { workspaceToday } from '@/lib/server/account-write';
import { ActionError, type Message } from '@/lib/actions/result';
import { decodeCsv, type CsvEncoding } from '@/lib/csv/decode';
import { parseCsv, type CsvProblem } from '@/lib/csv/parse';

// The steps preview and import share: read the file, map its columns, check
// every row and plan the writes. The import runs them again on the server
// rather than trusting what the preview showed. Checking 100,000 rows is
// seconds of JavaScript, so it goes in slices with a pause between them in
// which other requests run; the reads are short queries outside any
// transaction (see the import's `prepare`).

export const maxImportMegabytes = 20;
export const maxImportRows = 100_000;
/** Errors sent to the browser; the total is always given. */
export const errorListLimit = 500;

const file = z.custom<File>((v) => typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function', 'validation.required');
const mapping = z.preprocess((v) => {
  if (typeof v !== 'string' || v === '') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}, z.array(z.enum(importColumns).nullable()).max(1000).optional());

export const previewImportInput = z.object({ file, mapping });
export const runImportInput = previewImportInput.extend({ mode: z.enum(['all', 'validOnly']) });

export type ImportPreview = {
  fileName: string;
  encoding: CsvEncoding;
  columns: { header: string; sample: string; column: ImportColumn | null }[];
  mappingErrors: Message[];
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  invalidRows: number;
  errors: RowError[];
  errorCount: number;
};

export type ImportResult = { created: number; updated: number; unchanged: number; skipped: number };

const problemKeys: Record<CsvProblem['code'], string> = {
  unclosedQuote: 'import.errors.unclosedQuote',
  malformed: 'import.errors.malformed',
};

function addProblems(rows: CheckedRow[], problems: CsvProblem[]): void {
  const byLine = new Map(rows.map((r) => [r.line, r]));
  for (const p of problems) byLine.get(p.line)?.errors.push({ line: p.line, column: '', value: '', message: { key: problemKeys[p.code] } });
}

/** Rows per slice of checking and planning: a few tens of milliseconds each. */
const sliceRows = 2000;

/** Lets the event loop serve other requests. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function inSlices<T, U>(items: readonly T[], work: (slice: readonly T[]) => U[]): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += sliceRows) {
    if (i > 0) await pause();
    out.push(...work(items.slice(i, i + sliceRows)));
  }
  return out;
}

export async function prepareImport(db: DbOrTx, input: z.output<typeof previewImportInput>) {
  if (input.file.size > maxImportMegabytes * 1024 * 1024) throw new ActionError({ key: 'import.errors.fileTooLarge', values: { max: maxImportMegabytes } });
  const decoded = decodeCsv(new Uint8Array(await input.file.arrayBuffer()));
  if (!decoded) throw new ActionError({ key: 'import.errors.encoding' });
  const { text, encoding } = decoded;
  const table = parseCsv(text);
  if (!table.headers.some((h) => h !== '')) throw new ActionError({ key: 'import.errors.empty' });
  if (table.rows.length > maxImportRows) throw new ActionError({ key: 'import.errors.tooManyRows', values: { max: maxImportRows } });
  const columnMap = input.mapping ?? autoMapping(table.headers);
  if (columnMap.length !== table.headers.length) throw new ActionError({ key: 'import.errors.mappingMismatch' });

  const problems = mappingErrors(columnMap);
  const { currency } = await getWorkspace(db);
  await pause();
  // Without a name and a domain column no row can be checked; the mapping is the first thing to fix.
  const checked = problems.length ? [] : await inSlices(table.rows, (slice) => checkRows(table.headers, slice, columnMap, { currency }));
  addProblems(checked, table.problems);
  const keys = matchKeys(checked);
  const existing = await loadMatchingAccounts(db, keys);
  const owners = await loadOwners(db, keys.ownerEmails);
  const match = rowMatcher(table.headers, columnMap, existing, owners);
  const rows: PlannedRow[] = await inSlices(checked, (slice) => slice.map(match));
  // The policy the tiers are computed with; the import checks it is still the current one when it writes.
  const policy = await currentPolicy(db);
  const planner = writePlanner(existing, { policy, today: await workspaceToday(db) });
  await inSlices(rows, (slice) => (slice.forEach(planner.add), []));
  const writes = planner.writes;

  const errors = rows.flatMap((r) => r.errors);
  const first = table.rows[0]?.cells ?? [];
  const preview: ImportPreview = {
    fileName: (input.file.name || 'accounts.csv').slice(0, 200),
    encoding,
    columns: table.headers.map((header, i) => ({ header, sample: (first[i] ?? '').slice(0, 80), column: columnMap[i] ?? null })),
    mappingErrors: problems,
    totalRows: table.rows.length,
    toCreate: writes.creates.length,
    toUpdate: writes.updates.length + writes.unchanged,
    unchanged: writes.unchanged,
    invalidRows: problems.length ? table.rows.length : rows.filter((r) => r.errors.length).length,
    errors: errors.slice(0, errorListLimit),
    errorCount: errors.length,
  };
  return { preview, writes, policy };
}
