// Timing and reporting shared by the measurements. Each measurement is one
// function returning a Result; the script lists them and prints the table.

export type Result = { name: string; target: string; figures: string; ok: boolean };

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** Nearest-rank percentile of `values` (p in 0–100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const ms = (v: number) => `${v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en')} ms`;

export function printTable(results: Result[]): void {
  const rows = [['measurement', 'target', 'result', ''], ...results.map((r) => [r.name, r.target, r.figures, r.ok ? 'ok' : 'MISSED'])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
}
