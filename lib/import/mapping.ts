import type { Message } from '@/lib/actions/result';
import type { HeaderMatch } from './headers';

// What every CSV import does with columns and rows before its own rules:
// map columns to fields by header, refuse a mapping that cannot work, and
// report each problem with its line, column and value.

/** For each CSV column, by position, the import column it fills, or null to leave it out. */
export type Mapping<C extends string = string> = (C | null)[];

export type RowError = { line: number; column: string; value: string; message: Message };

/**
 * Each column to the field its header names. When several headers name one
 * field, the most specific wins (担当者メール over 担当者), then the first;
 * the others are left out.
 */
export function autoMapping<C extends string>(headers: readonly string[], match: (header: string) => HeaderMatch<C> | null): Mapping<C> {
  const found = headers.map(match);
  const best = new Map<C, number>();
  found.forEach((f, i) => {
    if (!f) return;
    const held = best.get(f.column);
    if (held === undefined || f.rank < found[held]!.rank) best.set(f.column, i);
  });
  return found.map((f, i) => (f && best.get(f.column) === i ? f.column : null));
}

/** What stops a mapping from being imported at all: a required column left out, or one filled twice. */
export function mappingErrors<C extends string>(mapping: Mapping<C>, columns: readonly C[], required: readonly C[]): Message[] {
  const errors: Message[] = [];
  for (const column of required) {
    if (!mapping.includes(column)) errors.push({ key: 'import.errors.missingColumn', values: { column } });
  }
  for (const column of columns) {
    if (mapping.filter((c) => c === column).length > 1) errors.push({ key: 'import.errors.duplicateMapping', values: { column } });
  }
  return errors;
}

/** A value as an error row shows it: long cells cut. */
export const shown = (value: string) => (value.length > 200 ? `${value.slice(0, 200)}…` : value);

/** The CSV header of an import column, as the user named it (for error rows). */
export function headerOf<C extends string>(headers: readonly string[], mapping: Mapping<C>, column: C): string {
  const i = mapping.indexOf(column);
  return i < 0 ? column : headers[i] || column;
}

/** Cells beyond the header's columns that hold something: the row is shifted or the file is malformed. */
export function extraCellsError(line: number, cells: readonly string[], headerCount: number): RowError | null {
  const extra = cells.slice(headerCount).filter((c) => c.trim() !== '');
  return extra.length ? { line, column: '', value: shown(extra.join(', ')), message: { key: 'import.errors.extraCells', values: { count: headerCount } } } : null;
}
