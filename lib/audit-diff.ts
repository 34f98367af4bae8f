import { toScaled } from '@/lib/decimal';

/** The fields that differ between two versions of a record, for an audit row. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  keys: readonly (keyof T)[],
  equals: (a: unknown, b: unknown) => boolean = (a, b) => a === b,
) {
  const from: Partial<T> = {};
  const to: Partial<T> = {};
  for (const key of keys) {
    if (!equals(before[key], after[key])) {
      from[key] = before[key];
      to[key] = after[key];
    }
  }
  return { before: from, after: to };
}

/** Equal, or the same number written differently ("1200000.00" and "1200000"). */
export function sameDecimal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = toScaled(a, 4);
  return x !== null && x === toScaled(b, 4);
}
