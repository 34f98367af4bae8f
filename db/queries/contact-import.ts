import { eq, sql, type SQL } from 'drizzle-orm';
import type { ContactUpdate, ExistingContact, ImportAccount, NewContactRow } from '@/lib/contacts/import-plan';
import { queryRows, type DbOrTx } from '../client';
import { appliedRange, stagedRange, type Batch, type StagedJson } from './import-batches';
import { chunks, inList, keyBatchSize } from './key-lists';
import { contactColumns } from './contacts';
import { accounts, contacts, importBatches, importRows } from '../schema';

// The CSV import's own SQL for contacts: the accounts and contacts a file
// refers to, a few thousand keys per query; and what staging, checking and
// applying a staged contact mean (the batch around them is import-batches.ts).

/** The accounts whose external id or domain (any case) appears in the file. */
export async function loadImportAccounts(db: DbOrTx, keys: { externalIds: readonly string[]; domains: readonly string[] }): Promise<ImportAccount[]> {
  const found = new Map<number, ImportAccount>();
  const load = async (where: SQL) => {
    const rows = await db
      .select({ id: accounts.id, name: accounts.name, externalId: accounts.externalId, domain: accounts.domain, ownerId: accounts.ownerId })
      .from(accounts)
      .where(where);
    for (const row of rows) found.set(row.id, row);
  };
  for (const ids of chunks(keys.externalIds, keyBatchSize)) await load(inList(sql`${accounts.externalId}`, ids));
  for (const domains of chunks(keys.domains, keyBatchSize)) await load(inList(sql`${accounts.domainLower}`, domains));
  return [...found.values()];
}

/** The contacts that already have one of these emails (lower case), with their account's name for the messages. */
export async function loadContactsByEmail(db: DbOrTx, emails: readonly string[]): Promise<ExistingContact[]> {
  const out: ExistingContact[] = [];
  for (const list of chunks(emails, keyBatchSize)) {
    const rows = await db
      .select({ ...contactColumns, accountId: contacts.accountId, accountName: accounts.name })
      .from(contacts)
      .innerJoin(accounts, eq(accounts.id, contacts.accountId))
      .where(inList(sql`lower(${contacts.email})`, list));
    out.push(...rows);
  }
  return out;
}

/**
 * A planned contact as the batch stages it: its columns by their SQL names,
 * `id` and `version` for an update, and `expect_owner` for a CSM's import
 * (the account must still be theirs when the rows are applied).
 */
export function stagedContact(r: NewContactRow | ContactUpdate): StagedJson {
  return {
    row: {
      id: 'id' in r ? r.id : null,
      version: 'version' in r ? r.version : null,
      account_id: r.accountId,
      name: r.name,
      email: r.email,
      title: r.title,
      roles: r.roles,
      language: r.language,
      no_program_emails: r.noProgramEmails,
      notes: r.notes,
      active: r.active,
      expect_owner: r.expectOwner,
    },
  };
}

// What a staged contact relies on, from its JSON: the contact to update and
// the version read, the email a new one takes, its account and (a CSM's
// import) the owner the account must still have.
const reliedOn = (rows: SQL) => sql`
  select (r.row->>'id')::int as id, (r.row->>'version')::int as version, (r.row->>'account_id')::int as account_id,
    lower(r.row->>'email') as email, (r.row->>'expect_owner')::int as expect_owner
  from ${rows} r`;

/** Whether any of `staged` (id, version, account_id, email, expect_owner) no longer holds. */
const conflictIn = (staged: SQL) => sql`
  exists (
    select 1 from (${staged}) s left join ${contacts} c on c.id = s.id
    where s.id is not null and (c.id is null or c.version <> s.version)
  ) or exists (
    select 1 from (${staged}) s join ${contacts} c on lower(c.email) = s.email where s.id is null
  ) or exists (
    select 1 from (${staged}) s left join ${accounts} a on a.id = s.account_id
    where a.id is null or (s.expect_owner is not null and a.owner_id is distinct from s.expect_owner)
  )`;

/**
 * Whether a chunk being staged (the CTE `input`) no longer holds: a contact
 * to update saved by someone since the file was checked (or deleted), an
 * email to create now taken, an account gone, or (a CSM's import) an
 * account that is no longer theirs.
 */
export const contactStagingConflict = conflictIn(reliedOn(sql`input`));

/**
 * The same test over the whole batch, in the transaction that starts
 * applying, but only when a contact or an account was written since the
 * batch began (each chunk was checked as it was staged; a row's xmin says
 * which transaction wrote it): most imports skip reading the staged rows.
 */
export async function contactsChangedSinceStaged(db: DbOrTx, batchId: number): Promise<boolean> {
  const [row] = await queryRows<{ conflict: boolean }>(db, sql`
    with since as (select since_xact::xid as xact from ${importBatches} where id = ${batchId})
    select case when exists (select 1 from ${contacts} c, since where age(c.xmin) <= age(since.xact))
        or exists (select 1 from ${accounts} a, since where age(a.xmin) <= age(since.xact))
      then ${conflictIn(sql`${reliedOn(sql`${importRows}`)} where r.batch_id = ${batchId}`)}
      else false end as conflict`);
  return row?.conflict ?? false;
}

/**
 * Applies staged rows [from, to) in one statement: one insert … on conflict
 * for the new contacts, one update for the changed ones where the version is
 * still the one read, then drops the staged rows and moves the batch's
 * progress. Returns how many staged rows did not apply (a save overtook them).
 */
export async function applyStagedContacts(db: DbOrTx, batch: Pick<Batch, 'id' | 'actorId'>, from: number, to: number): Promise<number> {
  const [row] = await queryRows<{ missed: number }>(db, sql`
    with staged as (
      select p.id, p.version, p.account_id, p.name, p.email, p.title, p.roles, p.language, p.no_program_emails, p.notes, p.active
      from ${importRows} r, jsonb_populate_record(null::contacts, r.row) p
      where ${stagedRange(batch.id, from, to)}
    ), created as (
      insert into ${contacts} (account_id, name, email, title, roles, language, no_program_emails, notes, active, created_by)
      select account_id, name, email, title, roles, language, no_program_emails, notes, active, ${batch.actorId}::int
      from staged where id is null
      on conflict (lower(email)) do nothing
      returning id
    ), updated as (
      update ${contacts} c set name = s.name, email = s.email, title = s.title, roles = s.roles, language = s.language,
        no_program_emails = s.no_program_emails, notes = s.notes, active = s.active, version = c.version + 1, updated_at = now()
      from staged s
      where s.id is not null and c.id = s.id and c.version = s.version
      returning c.id
    ), ${appliedRange(batch.id, from, to)}`);
  return row?.missed ?? 0;
}
