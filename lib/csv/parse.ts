import Papa from 'papaparse';

/** One record of a CSV file; `line` is its row as a spreadsheet numbers it (the header is line 1). */
export type CsvRow = { line: number; cells: string[] };

export type CsvTable = { headers: string[]; rows: CsvRow[] };

/** A record the parser could not read whole, e.g. a quote that never closes. */
export type CsvProblem = { line: number; code: 'unclosedQuote' | 'malformed' };

/**
 * Comma unless the header line has more tabs or semicolons: Excel writes
 * tab-separated "Unicode text" and, in some locales, semicolons.
 */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length - 1;
  const [best] = [',', '\t', ';'].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ',';
}

/**
 * Splits CSV text into a header and records. Blank records (Excel leaves
 * ",,,," rows behind) are dropped, but still counted, so every line number
 * matches what the user sees when they open the file. A caller that knows
 * better than the first line (a report whose first line is a title) passes
 * the delimiter.
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvTable & { problems: CsvProblem[] } {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: options.delimiter ?? guessDelimiter(text) });
  const problems: CsvProblem[] = [];
  for (const e of result.errors) {
    if (e.row === undefined) continue;
    problems.push({ line: e.row + 1, code: e.code === 'MissingQuotes' ? 'unclosedQuote' : 'malformed' });
  }
  const [header = [], ...records] = result.data;
  const rows: CsvRow[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: i + 2, cells });
  });
  return { headers: header.map((h) => h.trim()), rows, problems };
}
