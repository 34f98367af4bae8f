import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../client';

/**
 * Takes a lock named `name` for the rest of the transaction if no other
 * transaction (on any app instance) holds it; false when another does.
 */
export async function tryTransactionLock(tx: Tx, name: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${name})) as ok`);
  return row?.ok === true;
}
