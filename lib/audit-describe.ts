export type ChangeLine = { field: string; from?: string; to?: string };

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * An audit row's before/after as one line per field, for people to read:
 * a changed field shows both sides, a created or removed one only its side.
 */
export function describeChange(before: unknown, after: unknown): ChangeLine[] {
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({
    field,
    ...(field in b ? { from: show(b[field]) } : {}),
    ...(field in a ? { to: show(a[field]) } : {}),
  }));
}
