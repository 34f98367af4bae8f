/** The fields that differ between two versions of a record, for an audit row. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T, keys: readonly (keyof T)[]) {
  const from: Partial<T> = {};
  const to: Partial<T> = {};
  for (const key of keys) {
    if (before[key] !== after[key]) {
      from[key] = before[key];
      to[key] = after[key];
    }
  }
  return { before: from, after: to };
}
