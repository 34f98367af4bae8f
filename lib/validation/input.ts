import { z } from 'zod';

// The two rules every value from a user passes, whatever form, URL or CSV
// it came in: an id must fit the database's integer ids (anything else names
// no record), and text must be storable (PostgreSQL text cannot hold U+0000,
// and would throw rather than refuse).

/** The largest id PostgreSQL's `integer` holds. */
export const maxId = 2 ** 31 - 1;

/** A record id from a URL segment or query parameter: digits only, 1 to maxId, else null (no such record). */
export function parseId(raw: string | null | undefined): number | null {
  const s = raw?.trim();
  if (!s || !/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= maxId ? n : null;
}

/** A page number from the URL: digits only, 1 to `max`, else 1 ("1e300", "Infinity", "-2" are page 1). */
export function parsePage(raw: string | null | undefined, max = 100_000): number {
  const s = raw?.trim();
  if (!s || !/^\d{1,9}$/.test(s)) return 1;
  return Math.min(Math.max(1, Number(s)), max);
}

/**
 * A record id in an action's input. One out of the integer range names no
 * record, so it is refused as not found (the action door turns this key into
 * the form's error) rather than reaching the database.
 */
export const id = z.coerce.number().int().positive().max(maxId, 'errors.notFound');

export const hasNul = (s: string) => s.includes('\u0000');

/** Every text field's base: a string that PostgreSQL can store. */
export const str = (params?: Parameters<typeof z.string>[0]) => z.string(params).refine((s) => !hasNul(s), 'validation.unstorable');

/** A search term: characters that cannot be stored cannot match either, so they are dropped. */
export const searchTerm = (raw: string | undefined, max = 200) => raw?.replace(/\u0000/g, '').trim().slice(0, max) || undefined;
