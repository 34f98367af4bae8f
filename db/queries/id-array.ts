import { sql, type SQL } from 'drizzle-orm';

/** Whole numbers as one array parameter (`= any(...)`, `unnest(...)`): a JS array would be spread into a row of parameters. */
export function idArray(ids: readonly number[], type: 'int' | 'bigint' = 'int'): SQL {
  return sql`${`{${ids.map((n) => Math.trunc(n)).join(',')}}`}::${sql.raw(type)}[]`;
}
