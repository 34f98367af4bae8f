import { z } from 'zod';
import { ActionError, type Message } from '@/lib/actions/result';
import { decodeCsv, type CsvEncoding } from '@/lib/csv/decode';
import { parseCsv, type CsvProblem, type CsvRow } from '@/lib/csv/parse';
import type { Mapping, RowError } from './mapping';

// The steps every CSV import shares before its own rules: the request's
// fields, reading the file (size, encoding, rows), the column mapping, and
// checking in slices. Checking 100,000 rows is seconds of JavaScript, so it
// goes in slices with a pause between them in which other requests run.

export const maxImportMegabytes = 20;
export const maxImportRows = 100_000;
/** Errors sent to the browser; the total is always given. */
export const errorListLimit = 500;

const file = z.custom<File>((v) => typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function', 'validation.required');

/** The fields of a preview and of a run: the file, the mapping the user chose (JSON), and for a run the mode. */
export function importInputs<C extends string>(columns: readonly [C, ...C[]]) {
  const mapping = z.preprocess((v) => {
    if (typeof v !== 'string' || v === '') return undefined;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, z.array(z.enum(columns).nullable()).max(1000).optional());
  const preview = z.object({ file, mapping });
  return { preview, run: preview.extend({ mode: z.enum(['all', 'validOnly']) }) };
}

/** What the preview shows, for any import. */
export type ImportPreview<C extends string = string> = {
  fileName: string;
  encoding: CsvEncoding;
  columns: { header: string; sample: string; column: C | null }[];
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

export type ImportFile<C extends string> = {
  fileName: string;
  encoding: CsvEncoding;
  headers: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
  mapping: Mapping<C>;
};

/** Reads an uploaded file: size, encoding, rows; the mapping given, else the automatic one. Throws ActionError for a file that cannot be read. */
export async function readImportFile<C extends string>(
  input: { file: File; mapping?: Mapping<C> },
  autoMapping: (headers: readonly string[]) => Mapping<C>,
  defaultName: string,
): Promise<ImportFile<C>> {
  if (input.file.size > maxImportMegabytes * 1024 * 1024) throw new ActionError({ key: 'import.errors.fileTooLarge', values: { max: maxImportMegabytes } });
  const decoded = decodeCsv(new Uint8Array(await input.file.arrayBuffer()));
  if (!decoded) throw new ActionError({ key: 'import.errors.encoding' });
  const table = parseCsv(decoded.text);
  if (!table.headers.some((h) => h !== '')) throw new ActionError({ key: 'import.errors.empty' });
  if (table.rows.length > maxImportRows) throw new ActionError({ key: 'import.errors.tooManyRows', values: { max: maxImportRows } });
  const mapping = input.mapping ?? autoMapping(table.headers);
  if (mapping.length !== table.headers.length) throw new ActionError({ key: 'import.errors.mappingMismatch' });
  return { fileName: (input.file.name || defaultName).slice(0, 200), encoding: decoded.encoding, ...table, mapping };
}

const problemKeys: Record<CsvProblem['code'], string> = {
  unclosedQuote: 'import.errors.unclosedQuote',
  malformed: 'import.errors.malformed',
};

/** The parser's problems as errors of their rows. */
export function addProblems(rows: readonly { line: number; errors: RowError[] }[], problems: readonly CsvProblem[]): void {
  const byLine = new Map(rows.map((r) => [r.line, r]));
  for (const p of problems) byLine.get(p.line)?.errors.push({ line: p.line, column: '', value: '', message: { key: problemKeys[p.code] } });
}

/** Rows per slice of checking and planning: a few tens of milliseconds each. */
const sliceRows = 2000;

/** Lets the event loop serve other requests. */
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function inSlices<T, U>(items: readonly T[], work: (slice: readonly T[]) => U[]): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += sliceRows) {
    if (i > 0) await pause();
    out.push(...work(items.slice(i, i + sliceRows)));
  }
  return out;
}

/** The preview of a checked file: its columns, what its writes would do, and the first errors. */
export function previewOf<C extends string>(
  read: ImportFile<C>,
  mappingProblems: Message[],
  rows: readonly { errors: RowError[] }[],
  writes: { creates: readonly unknown[]; updates: readonly unknown[]; unchanged: number },
): ImportPreview<C> {
  const errors = rows.flatMap((r) => r.errors);
  const first = read.rows[0]?.cells ?? [];
  return {
    fileName: read.fileName,
    encoding: read.encoding,
    columns: read.headers.map((header, i) => ({ header, sample: (first[i] ?? '').slice(0, 80), column: read.mapping[i] ?? null })),
    mappingErrors: mappingProblems,
    totalRows: read.rows.length,
    toCreate: writes.creates.length,
    // Rows matching a record, whether they change it or not.
    toUpdate: writes.updates.length + writes.unchanged,
    unchanged: writes.unchanged,
    invalidRows: mappingProblems.length ? read.rows.length : rows.filter((r) => r.errors.length).length,
    errors: errors.slice(0, errorListLimit),
    errorCount: errors.length,
  };
}

/**
 * What a run refuses before writing: a mapping that cannot work, any bad row
 * in mode "all", and a file with no good row at all.
 */
export function assertRunnable(preview: ImportPreview, mode: 'all' | 'validOnly'): void {
  const [mappingError] = preview.mappingErrors;
  if (mappingError) throw new ActionError(mappingError);
  if (mode === 'all' && preview.invalidRows > 0) throw new ActionError({ key: 'import.errors.rowsHaveErrors', values: { rows: preview.invalidRows } });
  if (preview.invalidRows === preview.totalRows) throw new ActionError({ key: 'import.errors.noValidRows' });
}
