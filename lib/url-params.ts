// Pages keep their state in the URL, so a view can be shared and reloaded.
// The helpers every page's parameter parsing shares.

export type SearchParams = Record<string, string | string[] | undefined>;

/** A parameter's one value, trimmed; undefined when absent or blank. */
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** The query string for `params` with `changes` applied (undefined or '' removes a key). */
export function withParams(params: SearchParams, changes: Record<string, string | number | undefined>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const value = one(v);
    if (value !== undefined) out.set(k, value);
  }
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') out.delete(k);
    else out.set(k, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
