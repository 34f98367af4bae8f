import { sql, type SQL } from 'drizzle-orm';

// Matching a CSV file's keys (external ids, domains, emails) against a table:
// a few thousand keys per query, the whole list as one JSON parameter.

/** Keys per matching query: about 50 ms each on the embedded database. */
export const keyBatchSize = 2000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `expr in (the strings)`, with the whole list as one JSON parameter: the number of keys does not matter. */
export const inList = (expr: SQL, values: readonly string[]) => sql`${expr} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
