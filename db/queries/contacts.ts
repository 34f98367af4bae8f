import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { accounts, contacts } from '../schema';

export type NewContact = typeof contacts.$inferInsert;

/** A contact as pages and the import read it. */
export const contactColumns = {
  id: contacts.id,
  name: contacts.name,
  email: contacts.email,
  title: contacts.title,
  roles: contacts.roles,
  language: contacts.language,
  noProgramEmails: contacts.noProgramEmails,
  notes: contacts.notes,
  active: contacts.active,
  version: contacts.version,
};

/** An account's contacts for its page: active ones first, then by name. */
export async function listAccountContacts(db: DbOrTx, accountId: number) {
  return db.select(contactColumns).from(contacts).where(eq(contacts.accountId, accountId)).orderBy(desc(contacts.active), asc(contacts.name), asc(contacts.id));
}

export type ContactRow = Awaited<ReturnType<typeof listAccountContacts>>[number];

/** The contact with its account's owner, locked for a change. */
export async function findContactForUpdate(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...contactColumns, accountId: contacts.accountId, accountOwnerId: accounts.ownerId })
    .from(contacts)
    .innerJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(eq(contacts.id, id))
    .for('update', { of: contacts });
  return row;
}

/** Who already has this email (compared case-insensitively), with their account's name for the message. */
export async function findContactByEmail(db: DbOrTx, email: string, exceptId?: number) {
  const [row] = await db
    .select({ id: contacts.id, name: contacts.name, accountName: accounts.name })
    .from(contacts)
    .innerJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(and(sql`lower(${contacts.email}) = lower(${email})`, exceptId ? ne(contacts.id, exceptId) : undefined));
  return row;
}

export async function insertContact(db: DbOrTx, values: NewContact): Promise<number> {
  const [row] = await db.insert(contacts).values(values).returning({ id: contacts.id });
  return row!.id;
}

/** Inserts many in one statement (the demo, imports). */
export async function insertContacts(db: DbOrTx, values: NewContact[]): Promise<void> {
  if (values.length) await db.insert(contacts).values(values);
}

/** Applies changes if the contact is still at `version`; false when someone else changed it first. */
export async function updateContact(db: DbOrTx, id: number, version: number, values: Partial<NewContact>): Promise<boolean> {
  const rows = await db
    .update(contacts)
    .set({ ...values, version: sql`${contacts.version} + 1` })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning({ id: contacts.id });
  return rows.length === 1;
}
