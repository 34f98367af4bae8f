// CSV as RFC 4180 and Excel read it: CRLF line ends, a cell quoted when it
// holds a comma, quote or line break, quotes doubled inside.

/** Excel reads the file as UTF-8 only when it starts with a byte-order mark. */
export const utf8Bom = '\uFEFF';

const needsQuotes = /[",\r\n]|^\s|\s$/;

// A text cell starting with one of these runs as a formula in Excel
// (CSV injection). Export puts an apostrophe in front; import takes it off.
const formulaStart = /^[=+\-@\t\r]/;

export function protectFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function unprotectFormula(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

type Cell = string | number | null | undefined;

/** A whole file as Excel opens it: the byte-order mark, the header line, then one line per row. */
export function csvFile(head: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  return utf8Bom + csvLine(head) + rows.map(csvLine).join('');
}

/** A CSV file as a download: never cached (it holds personal links), saved under `fileName` (ASCII). */
export function csvDownload(fileName: string, head: readonly Cell[], rows: readonly (readonly Cell[])[]): Response {
  return new Response(csvFile(head, rows), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' },
  });
}
