import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AccountFilters } from '@/lib/accounts/filters';
import type { ContentEmailStatus, InvitationStatus, ProgramTouchModel } from '@/lib/vocabulary';
import { queryRows, type DbOrTx } from '../client';
import { accounts, attendanceImports, contacts, programHosts, programInvitations, programKinds, programs, programSessions, unmatchedAttendees, users } from '../schema';
import { accountWhere } from './accounts';

export type NewProgram = typeof programs.$inferInsert;
export type NewSession = typeof programSessions.$inferInsert;

const intArray = (ids: readonly number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

export async function listProgramKinds(db: DbOrTx) {
  return db.select().from(programKinds).orderBy(asc(programKinds.id));
}

/** Every kind with how many programs use it, for the admin page. */
export async function listProgramKindsWithUsage(db: DbOrTx) {
  return db
    .select({
      id: programKinds.id,
      key: programKinds.key,
      name: programKinds.name,
      touchModel: programKinds.touchModel,
      active: programKinds.active,
      version: programKinds.version,
      // Written out: inside a subquery drizzle would leave `id` unqualified, and it would name the program's.
      programs: sql<number>`(select count(*) from programs p where p.kind_id = program_kinds.id)::int`,
    })
    .from(programKinds)
    .orderBy(asc(programKinds.id));
}

/** Every kind, locked until the transaction ends: a status change checks the others under it. */
export async function lockProgramKinds(db: DbOrTx) {
  return db
    .select({ id: programKinds.id, key: programKinds.key, name: programKinds.name, active: programKinds.active, touchModel: programKinds.touchModel })
    .from(programKinds)
    .orderBy(asc(programKinds.id))
    .for('update');
}

/** Whether another kind already has this name (case-insensitive), so two kinds never read alike. */
export async function programKindNameTaken(db: DbOrTx, name: string, exceptId: number | null) {
  const [row] = await db
    .select({ id: programKinds.id })
    .from(programKinds)
    .where(and(sql`lower(${programKinds.name}) = lower(${name})`, exceptId === null ? undefined : sql`${programKinds.id} <> ${exceptId}`))
    .limit(1);
  return Boolean(row);
}

export async function insertProgramKind(db: DbOrTx, values: { name: string; touchModel: ProgramTouchModel }): Promise<number> {
  const [row] = await db.insert(programKinds).values(values).returning({ id: programKinds.id });
  return row!.id;
}

/** Saves a kind's name, touch model and status only if nobody saved it since `version`; undefined when they did (or it is gone). */
export async function updateProgramKind(db: DbOrTx, id: number, version: number, values: { name: string | null; active: boolean; touchModel: ProgramTouchModel }) {
  const [row] = await db
    .update(programKinds)
    .set({ ...values, version: sql`${programKinds.version} + 1` })
    .where(and(eq(programKinds.id, id), eq(programKinds.version, version)))
    .returning({ id: programKinds.id, version: programKinds.version });
  return row;
}

export async function insertProgram(db: DbOrTx, values: NewProgram, hostIds: readonly number[]): Promise<number> {
  const [row] = await db.insert(programs).values(values).returning({ id: programs.id });
  if (hostIds.length) await db.insert(programHosts).values(hostIds.map((userId) => ({ programId: row!.id, userId })));
  return row!.id;
}

export async function insertSession(db: DbOrTx, values: NewSession): Promise<number> {
  const [row] = await db.insert(programSessions).values(values).returning({ id: programSessions.id });
  return row!.id;
}

/** Active users among `ids`, to refuse a host who does not exist or left. */
export async function activeUserIds(db: DbOrTx, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await queryRows<{ id: number }>(db, sql`select id from ${users} where active and id = any(${intArray(ids)})`);
  return rows.map((r) => r.id);
}

export async function findProgram(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: programs.id,
      kindId: programs.kindId,
      kindKey: programKinds.key,
      kindName: programKinds.name,
      touchModel: programKinds.touchModel,
      title: programs.title,
      description: programs.description,
      language: programs.language,
      tiers: programs.tiers,
      archived: programs.archived,
      version: programs.version,
      createdBy: programs.createdBy,
      hostIds: sql<number[]>`coalesce((select array_agg(h.user_id order by h.user_id) from ${programHosts} h where h.program_id = ${programs.id}), '{}')`,
    })
    .from(programs)
    .innerJoin(programKinds, eq(programKinds.id, programs.kindId))
    .where(eq(programs.id, id));
  return row;
}

export type Program = NonNullable<Awaited<ReturnType<typeof findProgram>>>;

/** A session with what deciding access and touches needs: its program's kind model, creator and hosts. */
export async function findSession(db: DbOrTx, id: number, opts: { forUpdate?: boolean } = {}) {
  const [row] = await queryRows<{
    id: number;
    programId: number;
    startsAt: string;
    timeZone: string;
    durationMinutes: number;
    capacity: number | null;
    cancelled: boolean;
    touchModel: 'low' | 'community';
    createdBy: number | null;
    hostIds: number[];
  }>(
    db,
    sql`select s.id, s.program_id as "programId", s.starts_at as "startsAt", s.time_zone as "timeZone", s.duration_minutes as "durationMinutes",
          s.capacity, s.cancelled, k.touch_model as "touchModel", p.created_by as "createdBy",
          coalesce((select array_agg(h.user_id) from ${programHosts} h where h.program_id = p.id), '{}') as "hostIds"
        from ${programSessions} s join ${programs} p on p.id = s.program_id join ${programKinds} k on k.id = p.kind_id
        where s.id = ${id} ${opts.forUpdate ? sql`for update of s` : sql``}`,
  );
  return row;
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** A session's invitations by status: the funnel's counts. */
const statusCounts = (s: SQL) => sql`
  (select count(*) from ${programInvitations} i where i.session_id = ${s})::int as invited,
  (select count(*) from ${programInvitations} i where i.session_id = ${s} and i.registered_at is not null)::int as registered,
  (select count(*) from ${programInvitations} i where i.session_id = ${s} and i.status = 'attended')::int as attended`;

export async function listProgramSessions(db: DbOrTx, programId: number) {
  return queryRows<{
    id: number;
    startsAt: string;
    timeZone: string;
    durationMinutes: number;
    onlineUrl: string | null;
    venue: string | null;
    capacity: number | null;
    preparationHours: string;
    cancelled: boolean;
    invited: number;
    registered: number;
    attended: number;
    seatsTaken: number;
    waitlisted: number;
  }>(
    db,
    sql`select s.id, s.starts_at as "startsAt", s.time_zone as "timeZone", s.duration_minutes as "durationMinutes", s.online_url as "onlineUrl",
          s.venue, s.capacity, s.preparation_hours::text as "preparationHours", s.cancelled, ${statusCounts(sql`s.id`)},
          (select count(*) from ${programInvitations} i where i.session_id = s.id and i.status in ('registered', 'attended', 'no_show'))::int as "seatsTaken",
          (select count(*) from ${programInvitations} i where i.session_id = s.id and i.status = 'waitlisted')::int as waitlisted
        from ${programSessions} s where s.program_id = ${programId} order by s.starts_at`,
  );
}

export const programPageSize = 50;

/** The programs list: one row per program, its next (else last) session and its funnel over all sessions. */
export async function listPrograms(db: DbOrTx, f: { q?: string; page: number }) {
  const where = f.q ? sql`where p.title ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql``;
  return queryRows<{
    id: number;
    title: string;
    kindKey: string | null;
    kindName: string | null;
    touchModel: 'low' | 'community';
    archived: boolean;
    sessions: number;
    nextStartsAt: string | null;
    lastStartsAt: string | null;
    invited: number;
    registered: number;
    attended: number;
    total: number;
  }>(
    db,
    sql`select p.id, p.title, k.key as "kindKey", k.name as "kindName", k.touch_model as "touchModel", p.archived,
          (select count(*) from ${programSessions} s where s.program_id = p.id)::int as sessions,
          (select min(s.starts_at) from ${programSessions} s where s.program_id = p.id and s.starts_at >= now() and not s.cancelled) as "nextStartsAt",
          (select max(s.starts_at) from ${programSessions} s where s.program_id = p.id and not s.cancelled) as "lastStartsAt",
          coalesce(f.invited, 0)::int as invited, coalesce(f.registered, 0)::int as registered, coalesce(f.attended, 0)::int as attended,
          count(*) over ()::int as total
        from ${programs} p join ${programKinds} k on k.id = p.kind_id
        left join lateral (
          select count(*) as invited, count(*) filter (where i.registered_at is not null) as registered, count(*) filter (where i.status = 'attended') as attended
          from ${programSessions} s join ${programInvitations} i on i.session_id = s.id where s.program_id = p.id
        ) f on true
        ${where}
        order by coalesce((select max(s.starts_at) from ${programSessions} s where s.program_id = p.id), p.created_at) desc, p.id desc
        limit ${programPageSize} offset ${(f.page - 1) * programPageSize}`,
  );
}

/**
 * Invited → registered → attended over a program's sessions, per tier of the
 * invitee's account. The tier is looked up per invitation (a scalar subquery
 * the planner keeps as an index lookup), not by hashing every account.
 */
export async function programFunnel(db: DbOrTx, programId: number) {
  return queryRows<{ tier: number; invited: number; registered: number; attended: number; noShow: number; accounts: number }>(
    db,
    sql`select x.tier, count(*)::int as invited, (count(*) filter (where x.registered_at is not null))::int as registered,
          (count(*) filter (where x.status = 'attended'))::int as attended, (count(*) filter (where x.status = 'no_show'))::int as "noShow",
          (count(distinct x.account_id) filter (where x.status = 'attended'))::int as accounts
        from (
          select i.account_id, i.status, i.registered_at, (select a.tier from ${accounts} a where a.id = i.account_id) as tier
          from ${programInvitations} i join ${programSessions} s on s.id = i.session_id
          where s.program_id = ${programId}
        ) x
        group by x.tier order by x.tier`,
  );
}

export const invitationPageSize = 50;

type InvitationListRow = {
  id: number;
  token: string;
  status: InvitationStatus;
  attendedMinutes: number | null;
  registeredAt: Date | null;
  emailStatus: ContentEmailStatus;
  reminderStatus: ContentEmailStatus;
  contactId: number;
  contactName: string;
  email: string;
  accountId: number;
  accountName: string;
  tier: number;
  ownerId: number | null;
  total: number;
};

/**
 * A session's invitations, by account then contact name; `status` narrows to
 * one (the follow-up list of no-shows). The page is cut from the session's
 * invitations with each one's two names looked up by index, then joined for
 * the 50 shown; the count is its own index-only statement. (Joined first, a
 * session of 10,000 invitations hashed every account: ~950 ms at 100,000.)
 */
export async function listInvitations(db: DbOrTx, sessionId: number, f: { page: number; status?: InvitationStatus }): Promise<InvitationListRow[]> {
  const status = f.status ? sql`and i.status = ${f.status}` : sql``;
  const [rows, [count]] = await Promise.all([
    queryRows<Omit<InvitationListRow, 'total'>>(
      db,
      sql`with page as (
            select i.id, n.account_name, n.contact_name
            from ${programInvitations} i
            cross join lateral (select (select a.name from ${accounts} a where a.id = i.account_id) as account_name,
                                       (select c.name from ${contacts} c where c.id = i.contact_id) as contact_name) n
            where i.session_id = ${sessionId} ${status}
            order by n.account_name, n.contact_name, i.id desc
            limit ${invitationPageSize} offset ${(Math.max(1, f.page) - 1) * invitationPageSize}
          )
          select i.id, i.token, i.status, i.attended_minutes as "attendedMinutes", i.registered_at as "registeredAt",
            i.email_status as "emailStatus", i.reminder_status as "reminderStatus",
            c.id as "contactId", c.name as "contactName", c.email, a.id as "accountId", a.name as "accountName", a.tier, a.owner_id as "ownerId"
          from page p
          join ${programInvitations} i on i.id = p.id
          join ${contacts} c on c.id = i.contact_id
          join ${accounts} a on a.id = i.account_id
          order by p.account_name, p.contact_name, i.id desc`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${programInvitations} i where i.session_id = ${sessionId} ${status}`),
  ]);
  const total = count?.n ?? 0;
  return rows.map((r) => ({ ...r, tier: Number(r.tier), registeredAt: r.registeredAt ? new Date(r.registeredAt) : null, total }));
}

export type InvitationRow = Awaited<ReturnType<typeof listInvitations>>[number];

/** Contacts among `ids` with their account's owner, to check a CSM invites only their own accounts' people. */
export async function contactOwners(db: DbOrTx, ids: readonly number[]) {
  return queryRows<{ id: number; ownerId: number | null; active: boolean }>(
    db,
    sql`select c.id, a.owner_id as "ownerId", c.active from ${contacts} c join ${accounts} a on a.id = c.account_id where c.id = any(${intArray(ids)})`,
  );
}

/**
 * Invites the active contacts of the accounts the filter matches (or the
 * chosen contacts) to a session, in one statement: an invitation each with
 * its own token (someone already invited keeps theirs), and a
 * program_invited touch per new invitation. Contacts who opted out of
 * program emails are invited but get no email.
 */
export async function inviteContacts(
  db: DbOrTx,
  invite: { session: Pick<SessionRow, 'id' | 'touchModel'>; filters: AccountFilters; contactIds?: readonly number[]; invitedBy: number; emailStatus: ContentEmailStatus; at?: Date },
) {
  const chosen = invite.contactIds?.length ? sql`and c.id = any(${intArray(invite.contactIds)})` : sql``;
  const [row] = await queryRows<{ matched: number; invited: number; optedOut: number }>(
    db,
    sql`with c as (
          select c.id, c.account_id, c.no_program_emails from ${contacts} c join ${accounts} on ${accounts.id} = c.account_id
          where c.active ${chosen} and ${accountWhere(invite.filters) ?? sql`true`}),
        ins as (
          insert into ${programInvitations} (session_id, contact_id, account_id, token, invited_by, invited_at, email_status)
          select ${invite.session.id}::int, c.id, c.account_id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
                 ${invite.invitedBy}::int, ${(invite.at ?? new Date()).toISOString()}::timestamptz,
                 (case when c.no_program_emails then 'opted_out' else ${invite.emailStatus}::text end)::content_email_status
          from c
          on conflict (session_id, contact_id) do nothing
          returning id, account_id, contact_id, invited_at, email_status),
        t as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, program_invitation_id)
          select account_id, 'program_invited', ${invite.session.touchModel}::touch_model, invited_at, contact_id, id from ins
          returning id)
        select (select count(*) from c)::int as matched, (select count(*) from ins)::int as invited,
               (select count(*) from ins where email_status = 'opted_out')::int as "optedOut"`,
  );
  return row!;
}

/** An invitation by its public token, with what its page shows. */
export async function findInvitationByToken(db: DbOrTx, token: string, opts: { forUpdate?: boolean } = {}) {
  const [row] = await queryRows<{
    id: number;
    token: string;
    sessionId: number;
    programId: number;
    status: InvitationStatus;
    contactName: string;
    contactLanguage: string | null;
    title: string;
    description: string | null;
    startsAt: string;
    timeZone: string;
    durationMinutes: number;
    onlineUrl: string | null;
    venue: string | null;
    capacity: number | null;
    cancelled: boolean;
    touchModel: 'low' | 'community';
    accountId: number;
    contactId: number;
  }>(
    db,
    sql`select i.id, i.token, i.session_id as "sessionId", s.program_id as "programId", i.status, c.name as "contactName", c.language as "contactLanguage", p.title, p.description,
          s.starts_at as "startsAt", s.time_zone as "timeZone", s.duration_minutes as "durationMinutes", s.online_url as "onlineUrl", s.venue,
          s.capacity, s.cancelled, k.touch_model as "touchModel", i.account_id as "accountId", i.contact_id as "contactId"
        from ${programInvitations} i join ${contacts} c on c.id = i.contact_id join ${programSessions} s on s.id = i.session_id
        join ${programs} p on p.id = s.program_id join ${programKinds} k on k.id = p.kind_id
        where i.token = ${token} and c.active ${opts.forUpdate ? sql`for update of i` : sql``}`,
  );
  return row;
}

export type PublicInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

/** Seats a session has given (registered, and those who came or were expected) and how many wait for one. */
export async function seatCounts(db: DbOrTx, sessionId: number): Promise<{ taken: number; waiting: number }> {
  const [row] = await queryRows<{ taken: number; waiting: number }>(
    db,
    sql`select (count(*) filter (where status in ('registered', 'attended', 'no_show')))::int as taken, (count(*) filter (where status = 'waitlisted'))::int as waiting
        from ${programInvitations} where session_id = ${sessionId}`,
  );
  return row!;
}

/** Locks a session's row: registrations and cancellations of one session take turns, so seats are never given twice. */
export async function lockSession(db: DbOrTx, sessionId: number): Promise<void> {
  await db.execute(sql`select id from ${programSessions} where id = ${sessionId} for update`);
}

/**
 * Moves invitations to a status, with their touches: registering writes a
 * program_registered touch (once), attending a program_attended touch at
 * the session's start (once); a no-show or a correction away from attended
 * removes the attended touch. One statement for any number of invitations.
 */
export async function setInvitationStatus(
  db: DbOrTx,
  change: { ids: readonly number[]; status: InvitationStatus; at: Date; minutes?: number | null; touchModel: 'low' | 'community' },
): Promise<number> {
  const at = change.at.toISOString();
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with moved as (
          update ${programInvitations} i set status = ${change.status}::invitation_status, version = i.version + 1,
            registered_at = case when ${change.status} in ('registered', 'waitlisted') then coalesce(i.registered_at, ${at}::timestamptz) else i.registered_at end,
            responded_at = case when ${change.status} in ('registered', 'waitlisted', 'declined', 'cancelled') then ${at}::timestamptz else i.responded_at end,
            attended_minutes = case when ${change.status} = 'attended' then ${change.minutes ?? null}::int else null end
          from ${programSessions} s
          where i.id = any(${intArray(change.ids)}) and s.id = i.session_id
            and (i.status <> ${change.status}::invitation_status or i.attended_minutes is distinct from (case when ${change.status} = 'attended' then ${change.minutes ?? null}::int end))
          returning i.id, i.account_id, i.contact_id, i.status, i.registered_at, s.starts_at),
        registered as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, program_invitation_id)
          select account_id, 'program_registered', ${change.touchModel}::touch_model, registered_at, contact_id, id from moved where status = 'registered'
          on conflict (program_invitation_id, kind) where program_invitation_id is not null do nothing),
        attended as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, program_invitation_id)
          select account_id, 'program_attended', ${change.touchModel}::touch_model, starts_at, contact_id, id from moved where status = 'attended'
          on conflict (program_invitation_id, kind) where program_invitation_id is not null do nothing),
        unattended as (
          delete from touches t using moved m
          where t.program_invitation_id = m.id and t.kind = 'program_attended' and m.status <> 'attended')
        select count(*)::int as n from moved`,
  );
  return row!.n;
}

/** The first in line on a session's waitlist (by when they registered), if any. */
export async function firstWaitlisted(db: DbOrTx, sessionId: number): Promise<number | undefined> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select id from ${programInvitations} where session_id = ${sessionId} and status = 'waitlisted' order by registered_at, id limit 1`,
  );
  return row?.id;
}

/** Which of `ids` belong to the session (a form may send ids from elsewhere). */
export async function invitationsOfSession(db: DbOrTx, sessionId: number, ids: readonly number[]): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from ${programInvitations} where session_id = ${sessionId} and id = any(${intArray(ids)})`);
  return rows.map((r) => r.id);
}

export async function listHostCandidates(db: DbOrTx) {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).orderBy(asc(users.name));
}

/** A session's invitations still waiting for their email, oldest first, with what the email says. */
export async function queuedInvitations(db: DbOrTx, sessionId: number, limit: number) {
  return queryRows<{
    id: number;
    token: string;
    name: string;
    email: string;
    language: string | null;
    title: string;
    description: string | null;
    startsAt: string;
    durationMinutes: number;
    timeZone: string;
    invitedBy: string | null;
  }>(
    db,
    sql`select i.id, i.token, c.name, c.email, c.language, p.title, p.description, s.starts_at as "startsAt", s.duration_minutes as "durationMinutes",
          s.time_zone as "timeZone", u.name as "invitedBy"
        from ${programInvitations} i join ${contacts} c on c.id = i.contact_id join ${programSessions} s on s.id = i.session_id
        join ${programs} p on p.id = s.program_id left join ${users} u on u.id = i.invited_by
        where i.session_id = ${sessionId} and i.email_status = 'queued'
        order by i.id limit ${limit}`,
  );
}

export async function recordInvitationEmail(db: DbOrTx, id: number, outcome: { status: 'sent' | 'failed'; error?: string }) {
  await db
    .update(programInvitations)
    .set({ emailStatus: outcome.status, emailError: outcome.error?.slice(0, 500) ?? null, emailedAt: new Date() })
    .where(and(eq(programInvitations.id, id), eq(programInvitations.emailStatus, 'queued')));
}

/** What matching an attendee report needs, loaded for just the emails and domains it names. */
export async function attendanceLookups(db: DbOrTx, sessionId: number, lookups: { emails: string[]; domains: string[] }) {
  const textArray = (values: readonly string[]) => sql`${JSON.stringify(values)}::jsonb`;
  const [contactRows, accountRows, invitationRows, hostRows] = await Promise.all([
    queryRows<{ id: number; email: string; accountId: number }>(
      db,
      sql`select id, email, account_id as "accountId" from ${contacts}
          where active and lower(email) in (select jsonb_array_elements_text(${textArray(lookups.emails)}))`,
    ),
    queryRows<{ id: number; domain: string }>(
      db,
      sql`select id, domain from ${accounts} where lower(domain) in (select jsonb_array_elements_text(${textArray(lookups.domains)}))`,
    ),
    queryRows<{ contactId: number; email: string; status: InvitationStatus; minutes: number | null }>(
      db,
      sql`select i.contact_id as "contactId", c.email, i.status, i.attended_minutes as minutes
          from ${programInvitations} i join ${contacts} c on c.id = i.contact_id where i.session_id = ${sessionId}`,
    ),
    queryRows<{ email: string }>(
      db,
      sql`select u.email from ${programHosts} h join ${users} u on u.id = h.user_id join ${programSessions} s on s.program_id = h.program_id where s.id = ${sessionId}`,
    ),
  ]);
  return { contacts: contactRows, accounts: accountRows, invitations: invitationRows, staffEmails: hostRows.map((r) => r.email) };
}

export async function findAttendanceImport(db: DbOrTx, sessionId: number, sha256: string) {
  const [row] = await db
    .select({ id: attendanceImports.id, summary: attendanceImports.summary })
    .from(attendanceImports)
    .where(and(eq(attendanceImports.sessionId, sessionId), eq(attendanceImports.sha256, sha256)));
  return row;
}

/**
 * Writes an attendee report's outcome in one statement: invitations moved
 * to attended (with minutes) or no-show, new ones for people who came
 * uninvited, their touches (invited and attended at the session's start;
 * no attended touch for a no-show), the people left to resolve by hand, and
 * the import's own row.
 */
export async function applyAttendance(
  db: DbOrTx,
  input: {
    session: Pick<SessionRow, 'id' | 'startsAt' | 'touchModel'>;
    changes: { contactId: number; accountId: number; to: 'attended' | 'no_show'; minutes: number | null }[];
    unmatched: { name: string; email: string | null; minutes: number; accountId: number | null }[];
    file: { name: string; sha256: string };
    summary: Record<string, unknown>;
    importedBy: number;
  },
): Promise<number> {
  const startsAt = new Date(input.session.startsAt).toISOString();
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`with imp as (
          insert into ${attendanceImports} (session_id, file_name, sha256, summary, imported_by)
          values (${input.session.id}, ${input.file.name}, ${input.file.sha256}, ${JSON.stringify(input.summary)}::jsonb, ${input.importedBy})
          returning id),
        ch as (
          select * from jsonb_to_recordset(${JSON.stringify(input.changes.map((c) => ({ contact_id: c.contactId, account_id: c.accountId, status: c.to, minutes: c.minutes })))}::jsonb)
            as c(contact_id int, account_id int, status text, minutes int)),
        written as (
          insert into ${programInvitations} (session_id, contact_id, account_id, token, status, attended_minutes, invited_by, invited_at, email_status)
          select ${input.session.id}::int, contact_id, account_id, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
                 status::invitation_status, minutes, ${input.importedBy}::int, ${startsAt}::timestamptz, 'not_sent'
          from ch
          on conflict (session_id, contact_id) do update set status = excluded.status, attended_minutes = excluded.attended_minutes,
            version = ${programInvitations}.version + 1
          returning id, account_id, contact_id, status, (xmax = 0) as inserted),
        invited as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, program_invitation_id)
          select account_id, 'program_invited', ${input.session.touchModel}::touch_model, ${startsAt}::timestamptz, contact_id, id from written where inserted
          on conflict (program_invitation_id, kind) where program_invitation_id is not null do nothing),
        attended as (
          insert into touches (account_id, kind, touch_model, occurred_at, contact_id, program_invitation_id)
          select account_id, 'program_attended', ${input.session.touchModel}::touch_model, ${startsAt}::timestamptz, contact_id, id from written where status = 'attended'
          on conflict (program_invitation_id, kind) where program_invitation_id is not null do nothing),
        unattended as (
          delete from touches t using written w where t.program_invitation_id = w.id and t.kind = 'program_attended' and w.status <> 'attended'),
        unmatched as (
          insert into ${unmatchedAttendees} (session_id, import_id, name, email, minutes, account_id)
          select ${input.session.id}::int, (select id from imp), u.name, u.email, u.minutes, u.account_id
          from jsonb_to_recordset(${JSON.stringify(input.unmatched.map((u) => ({ name: u.name, email: u.email, minutes: u.minutes, account_id: u.accountId })))}::jsonb)
            as u(name text, email text, minutes int, account_id int)
          on conflict (session_id, lower(coalesce(email, name))) do update set minutes = excluded.minutes, account_id = excluded.account_id, import_id = excluded.import_id)
        select id from imp`,
  );
  return row!.id;
}

/** People a session's reports named who are nobody in the workspace yet, still to resolve. */
export async function listUnmatchedAttendees(db: DbOrTx, sessionId: number) {
  return db
    .select({ id: unmatchedAttendees.id, name: unmatchedAttendees.name, email: unmatchedAttendees.email, minutes: unmatchedAttendees.minutes, accountId: unmatchedAttendees.accountId, accountName: accounts.name })
    .from(unmatchedAttendees)
    .leftJoin(accounts, eq(accounts.id, unmatchedAttendees.accountId))
    .where(and(eq(unmatchedAttendees.sessionId, sessionId), sql`${unmatchedAttendees.resolvedAt} is null`))
    .orderBy(asc(unmatchedAttendees.name));
}

/** Every invitation of a session, in the order they were made. */
export async function listSessionInvitationIds(db: DbOrTx, sessionId: number): Promise<number[]> {
  const rows = await db.select({ id: programInvitations.id }).from(programInvitations).where(eq(programInvitations.sessionId, sessionId)).orderBy(asc(programInvitations.id));
  return rows.map((r) => r.id);
}
