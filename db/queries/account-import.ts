import { sql, type SQL } from 'drizzle-orm';
import type { ExistingAccount, Owner } from '@/lib/accounts/import-plan';
import type { DbOrTx } from '../client';
import { detailColumns } from './accounts';
import { accounts, users } from '../schema';

// The reading side of the CSV import: the accounts and owners a file refers
// to, a few thousand keys per query. Its writes are in import-batches.ts.

/** Keys per matching query: about 50 ms each on the embedded database. */
const keyBatchSize = 2000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `expr in (the strings)`, with the whole list as one JSON parameter: the number of keys does not matter. */
const inList = (expr: SQL, values: readonly string[]) => sql`${expr} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

// What matching and change detection need: the account as the detail page reads it.
const existingColumns = detailColumns;

/**
 * The accounts whose external id or domain (any case) appears in the file,
 * a few thousand keys per query. Nothing is locked: each update applies only
 * if the account still has the version read here (see updateAccounts).
 */
export async function loadMatchingAccounts(
  db: DbOrTx,
  keys: { externalIds: readonly string[]; domains: readonly string[] },
): Promise<ExistingAccount[]> {
  const found = new Map<number, ExistingAccount>();
  const load = async (where: SQL) => {
    for (const row of await db.select(existingColumns).from(accounts).where(where)) found.set(row.id, row);
  };
  for (const ids of chunks(keys.externalIds, keyBatchSize)) await load(inList(sql`${accounts.externalId}`, ids));
  for (const domains of chunks(keys.domains, keyBatchSize)) await load(inList(sql`lower(${accounts.domain})`, domains));
  return [...found.values()];
}

/** The users named as owners in the file, whatever their role or state: the plan says what is wrong with each. */
export async function loadOwners(db: DbOrTx, emails: readonly string[]): Promise<Owner[]> {
  if (!emails.length) return [];
  return db
    .select({ id: users.id, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(inList(sql`lower(${users.email})`, emails));
}
