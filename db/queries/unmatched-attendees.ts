import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { accounts, contacts, programInvitations, unmatchedAttendees } from '../schema';
import type { SessionRow } from './programs';

// People an attendee report named whom the import could not match to a
// contact, resolved by hand on the program page: added as a contact of the
// account their email's domain matched, matched to an existing contact, or
// dismissed. A resolved row stays (with who resolved it and when), so the
// same person in a later report of the session is not listed again.

export const unmatchedPageSize = 50;

/** A session's people still to resolve, by name, with the account their domain matched (and its owner, for who may add them there). */
export async function listUnmatched(db: DbOrTx, sessionId: number, page: number) {
  return queryRows<{ id: number; name: string; email: string | null; minutes: number; accountId: number | null; accountName: string | null; accountOwnerId: number | null; total: number }>(
    db,
    sql`select u.id, u.name, u.email, u.minutes, u.account_id as "accountId", a.name as "accountName", a.owner_id as "accountOwnerId", count(*) over ()::int as total
        from ${unmatchedAttendees} u left join ${accounts} a on a.id = u.account_id
        where u.session_id = ${sessionId} and u.resolved_at is null
        order by (u.account_id is null), lower(u.name), u.id
        limit ${unmatchedPageSize} offset ${(page - 1) * unmatchedPageSize}`,
  );
}

export type UnmatchedRow = Awaited<ReturnType<typeof listUnmatched>>[number];

/** One of a session's unmatched people, locked while it is resolved; `resolvedAt` set means someone already did. */
export async function findUnmatchedForUpdate(db: DbOrTx, sessionId: number, id: number) {
  const [row] = await queryRows<{ id: number; name: string; email: string | null; minutes: number; accountId: number | null; accountOwnerId: number | null; resolvedAt: string | null }>(
    db,
    sql`select u.id, u.name, u.email, u.minutes, u.account_id as "accountId", a.owner_id as "accountOwnerId", u.resolved_at as "resolvedAt"
        from ${unmatchedAttendees} u left join ${accounts} a on a.id = u.account_id
        where u.id = ${id} and u.session_id = ${sessionId}
        for update of u`,
  );
  return row;
}

export async function resolveUnmatched(db: DbOrTx, id: number, userId: number): Promise<void> {
  await db.execute(sql`update ${unmatchedAttendees} set resolved_at = now(), resolved_by = ${userId} where id = ${id} and resolved_at is null`);
}

/**
 * Records a contact as having attended a session, as an import does: their
 * invitation becomes attended (one is made, at the session's start, if they
 * had none), with a program_invited touch for a new invitation and a
 * program_attended touch, both once. Minutes add to those already recorded
 * for someone who attended: the report listed them under another address too.
 */
export async function attendContact(
  db: DbOrTx,
  input: { session: Pick<SessionRow, 'id' | 'startsAt' | 'touchModel'>; contactId: number; accountId: number; minutes: number; by: number },
): Promise<{ invitationId: number; invited: boolean }> {
  const startsAt = new Date(input.session.startsAt).toISOString();
  const [row] = await queryRows<{ id: number; inserted: boolean }>(
    db,
    sql`with written as (
          insert into ${programInvitations} as i (session_id, contact_id, account_id, token, status, attended_minutes, invited_by, invited_at, email_status)
          values (${input.session.id}, ${input.contactId}, ${input.accountId}, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
                  'attended', ${input.minutes}, ${input.by}, ${startsAt}::timestamptz, 'not_sent')
          on conflict (session_id, contact_id) do update set status = 'attended', version = i.version + 1,
            attended_minutes = case when i.status = 'attended' then coalesce(i.attended_minutes, 0) + excluded.attended_minutes else excluded.attended_minutes end
          returning i.id, i.account_id, i.contact_id, (xmax = 0) as inserted),
        invited as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, program_invitation_id)
          select account_id, 'program_invited', ${input.session.touchModel}::touch_model, ${startsAt}::timestamptz, contact_id, id from written where inserted
          on conflict (program_invitation_id, kind) where program_invitation_id is not null do nothing),
        attended as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, program_invitation_id)
          select account_id, 'program_attended', ${input.session.touchModel}::touch_model, ${startsAt}::timestamptz, contact_id, id from written
          on conflict (program_invitation_id, kind) where program_invitation_id is not null do nothing)
        select id, inserted from written`,
  );
  return { invitationId: row!.id, invited: row!.inserted };
}

/** An active contact, with its account, to match someone to. */
export async function findActiveContact(db: DbOrTx, id: number) {
  const [row] = await queryRows<{ id: number; name: string; accountId: number }>(
    db,
    sql`select id, name, account_id as "accountId" from ${contacts} where id = ${id} and active`,
  );
  return row;
}

/**
 * Active contacts whose name, email or account name has every word typed, for
 * matching someone by hand: an exact email first, then by name. A few rows,
 * never the whole workspace.
 */
export async function searchContacts(db: DbOrTx, query: string, limit = 8) {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (!words.length) return [];
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const each = words.map((w) => sql`(c.name ilike ${like(w)} or c.email ilike ${like(w)} or a.name ilike ${like(w)})`);
  return queryRows<{ id: number; name: string; email: string; accountId: number; accountName: string }>(
    db,
    sql`select c.id, c.name, c.email, c.account_id as "accountId", a.name as "accountName"
        from ${contacts} c join ${accounts} a on a.id = c.account_id
        where c.active and ${sql.join(each, sql` and `)}
        order by (lower(c.email) = lower(${query.trim()})) desc, c.name, c.id
        limit ${limit}`,
  );
}
