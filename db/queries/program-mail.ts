import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { accounts, contacts, programInvitations, programs, programSessions } from '../schema';

// What reaches invitees outside the app: a session's links as a mail-merge
// file, and the reminder before the session (queued, taken one at a time by
// the job that sends it, and its outcome).

/** A session's invitation links for a mail merge: every active invitee, with their answer so far, by account and name. */
export async function listSessionLinks(db: DbOrTx, sessionId: number) {
  return db
    .select({
      token: programInvitations.token,
      status: programInvitations.status,
      contactName: contacts.name,
      email: contacts.email,
      language: contacts.language,
      optedOut: sql<boolean>`(${contacts.noProgramEmails} or ${programInvitations.emailStatus} = 'opted_out')`,
      accountName: accounts.name,
    })
    .from(programInvitations)
    .innerJoin(contacts, eq(contacts.id, programInvitations.contactId))
    .innerJoin(accounts, eq(accounts.id, programInvitations.accountId))
    // An inactive contact's link no longer opens: nothing to send them.
    .where(and(eq(programInvitations.sessionId, sessionId), eq(contacts.active, true)))
    .orderBy(asc(accounts.name), asc(contacts.name), asc(programInvitations.id));
}

/** Which reminders to queue: one session's (the host's button), or every session the day-before sweep reaches. */
export type ReminderScope =
  | { sessionId: number; retryFailed: boolean }
  /** Sessions starting after `now` and by `until`; only invitees who registered at least `leadHours` before the start (later ones have just seen the page). */
  | { now: Date; until: Date; leadHours: number };

/**
 * Queues the reminder of every registered invitee of the scope's upcoming
 * sessions not reminded yet (or whose reminder failed, when the host asks
 * again), in one statement: opted-out contacts are marked so and skipped.
 * Returns, per session, how many were queued and how many opted out.
 */
export async function queueReminders(db: DbOrTx, scope: ReminderScope) {
  const where: SQL =
    'sessionId' in scope
      ? sql`s.id = ${scope.sessionId} and s.starts_at > now() and i.reminder_status in ('not_sent' ${scope.retryFailed ? sql`, 'failed'` : sql``})`
      : sql`s.starts_at > ${scope.now.toISOString()}::timestamptz and s.starts_at <= ${scope.until.toISOString()}::timestamptz
            and i.registered_at <= s.starts_at - make_interval(hours => ${scope.leadHours}::int) and i.reminder_status = 'not_sent'`;
  return queryRows<{ sessionId: number; queued: number; optedOut: number }>(
    db,
    sql`with due as (
          select i.id, c.no_program_emails as out from ${programInvitations} i
          join ${contacts} c on c.id = i.contact_id join ${programSessions} s on s.id = i.session_id join ${programs} p on p.id = s.program_id
          where i.status = 'registered' and c.active and not s.cancelled and not p.archived and ${where}
          for update of i skip locked),
        queued as (
          update ${programInvitations} i
          set reminder_status = (case when due.out then 'opted_out' else 'queued' end)::content_email_status, reminder_error = null, reminded_at = null
          from due where i.id = due.id
          returning i.session_id, i.reminder_status)
        select session_id as "sessionId", (count(*) filter (where reminder_status = 'queued'))::int as queued,
               (count(*) filter (where reminder_status = 'opted_out'))::int as "optedOut"
        from queued group by session_id order by session_id`,
  );
}

export type ClaimedReminder = {
  id: number;
  token: string;
  name: string;
  email: string;
  language: string | null;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  onlineUrl: string | null;
  venue: string | null;
};

/**
 * Takes the next queued reminder of a session to send, marking it taken
 * (reminded_at) in its own statement before anything is sent: a job retried
 * after a crash never sends it again. Before that, settles what changed
 * since it was queued (opted out, cancelled, session started or called off:
 * not sent) and marks failed what an earlier run took and never recorded.
 * Safe because one job per session runs at a time (the queue's `stately`
 * policy with the session as key).
 */
export async function claimReminder(db: DbOrTx, sessionId: number): Promise<ClaimedReminder | undefined> {
  await db.execute(
    sql`update ${programInvitations} i
        set reminder_status = (case when c.no_program_emails then 'opted_out' else 'not_sent' end)::content_email_status
        from ${contacts} c, ${programSessions} s
        where i.session_id = ${sessionId} and c.id = i.contact_id and s.id = i.session_id and i.reminder_status = 'queued' and i.reminded_at is null
          and (c.no_program_emails or not c.active or i.status <> 'registered' or s.cancelled or s.starts_at <= now())`,
  );
  await db.execute(
    sql`update ${programInvitations} set reminder_status = 'failed', reminder_error = 'interrupted while sending; not sent again'
        where session_id = ${sessionId} and reminder_status = 'queued' and reminded_at is not null`,
  );
  const [row] = await queryRows<ClaimedReminder>(
    db,
    sql`with claimed as (
          update ${programInvitations} set reminded_at = now()
          where id = (select id from ${programInvitations} where session_id = ${sessionId} and reminder_status = 'queued' and reminded_at is null order by id limit 1 for update skip locked)
          returning id, token, contact_id, session_id)
        select claimed.id, claimed.token, c.name, c.email, c.language, p.title, s.starts_at as "startsAt", s.duration_minutes as "durationMinutes",
               s.time_zone as "timeZone", s.online_url as "onlineUrl", s.venue
        from claimed join ${contacts} c on c.id = claimed.contact_id join ${programSessions} s on s.id = claimed.session_id join ${programs} p on p.id = s.program_id`,
  );
  return row;
}

export async function recordReminder(db: DbOrTx, id: number, outcome: { status: 'sent' | 'failed'; error?: string }) {
  await db
    .update(programInvitations)
    .set({ reminderStatus: outcome.status, reminderError: outcome.error?.slice(0, 500) ?? null })
    .where(and(eq(programInvitations.id, id), eq(programInvitations.reminderStatus, 'queued')));
}
