import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertContact } from '@/db/queries/contacts';
import { claimReminder } from '@/db/queries/program-mail';
import { listProgramKinds } from '@/db/queries/programs';
import { programInvitations, programSessions } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { createUser, errorKey, signInAs, uniqueEmail } from '@/tests/factories';
import { mailText } from '@/tests/mail';
import { startTestSmtp } from '@/tests/smtp';
import { POST as answer } from '@/app/r/[token]/route';
import { createProgram, inviteToSession } from '@/app/(workspace)/programs/actions';
import { sendSessionReminder } from '@/app/(workspace)/programs/reminder-actions';
import { stopJobs } from './jobs';
import { sendReminderEmails, sweepReminders } from './program-reminders';

// Reminders reach a real SMTP server started here: what arrives is what a contact would get.
const smtp = startTestSmtp({ unfoldHeaders: true });
const { mails: received, mailsTo } = smtp;
afterAll(() => stopJobs());

const db = () => getDb();

/** A host's webinar `daysAhead` from today at 14:00 Tokyo, and an account with the given contacts, all invited (no invitation email: the queue is for reminders here). */
async function invitedSession(people: { name: string; language?: 'ja' | 'en'; noProgramEmails?: boolean }[], when: { daysAhead?: number; startsAt?: Date } = {}) {
  const host = await createUser('csm', { name: '主催 太郎' });
  await signInAs(host);
  const kindId = (await listProgramKinds(await db())).find((k) => k.key === 'webinar')!.id;
  const created = await createProgram(null, { kindId, title: '新機能ウェビナー', date: addDays(todayIn('Asia/Tokyo'), when.daysAhead ?? 7), time: '14:00', timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: 'https://zoom.example/j/9' });
  const { sessionId } = (created as { data: { sessionId: number } }).data;
  if (when.startsAt) await (await db()).update(programSessions).set({ startsAt: when.startsAt }).where(eq(programSessions.id, sessionId));
  const account = await createAccount({ ownerId: host.id });
  const emails: string[] = [];
  for (const p of people) {
    const email = uniqueEmail(p.name.split(' ')[0]!.toLowerCase());
    emails.push(email);
    await insertContact(await db(), { accountId: account.id, name: p.name, email, language: p.language ?? null, noProgramEmails: p.noProgramEmails ?? false });
  }
  // Invited without SMTP, so only the reminders go through this server.
  delete process.env.SMTP_URL;
  expect(await inviteToSession(null, { sessionId, accountId: account.id })).toMatchObject({ ok: true });
  process.env.SMTP_URL = smtp.url;
  const invitations = await (await db()).select().from(programInvitations).where(eq(programInvitations.sessionId, sessionId)).orderBy(programInvitations.id);
  return { host, sessionId, emails, invitations };
}

const register = (token: string) => answer(new Request(`http://localhost/r/${token}`, { method: 'POST', body: new URLSearchParams({ answer: 'register' }) }), { params: Promise.resolve({ token }) });

async function reminderStatuses(sessionId: number) {
  const rows = await (await db()).select({ id: programInvitations.id, status: programInvitations.reminderStatus }).from(programInvitations).where(eq(programInvitations.sessionId, sessionId)).orderBy(programInvitations.id);
  return rows.map((r) => r.status);
}

async function settled(sessionId: number) {
  for (let i = 0; i < 150 && (await reminderStatuses(sessionId)).includes('queued'); i++) await new Promise((r) => setTimeout(r, 200));
  return reminderStatuses(sessionId);
}

describe('reminders before a session', () => {
  it('"Send reminder" emails each registered invitee once, in their language with the session’s time and their own link, skipping the opted-out and those not registered', async () => {
    const { host, sessionId, emails, invitations } = await invitedSession([
      { name: '佐藤 健', language: 'ja' },
      { name: 'Jane Doe', language: 'en' },
      { name: 'Opted Out', language: 'en', noProgramEmails: true },
      { name: 'Not Registered', language: 'en' },
    ]);
    for (const i of invitations.slice(0, 3)) await register(i.token);
    await signInAs(host);
    expect(await sendSessionReminder(null, { sessionId })).toMatchObject({ ok: true, data: { queued: 2, optedOut: 1 } });
    expect(await settled(sessionId)).toEqual(['sent', 'sent', 'opted_out', 'not_sent']);

    const [ja] = mailsTo(emails[0]!);
    expect(ja!.raw).toMatch(/List-Unsubscribe: <http:\/\/localhost:3000\/u\/[0-9a-f]{64}>/);
    expect(ja!.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const jaText = mailText(ja!.raw);
    expect(jaText).toContain('佐藤 健 様');
    expect(jaText).toContain('お申込みいただいている「新機能ウェビナー」の開催が近づいてまいりましたので、ご案内いたします。');
    expect(jaText).toMatch(/日時：.*14:00.*15:00 \(Asia\/Tokyo\)/);
    expect(jaText).toContain(`http://localhost:3000/r/${invitations[0]!.token}`);
    const enText = mailText(mailsTo(emails[1]!)[0]!.raw);
    expect(enText).toContain('This is a reminder that you are registered for “新機能ウェビナー”.');
    expect(enText).toMatch(/When: .*2:00.*3:00.PM \(Asia\/Tokyo\)/);
    expect(enText).toContain('View or cancel your registration');
    expect(enText).toContain(`http://localhost:3000/r/${invitations[1]!.token}`);
    expect(mailsTo(emails[2]!)).toEqual([]);
    expect(mailsTo(emails[3]!)).toEqual([]);

    // Asking again, or a retried job, sends nobody anything twice.
    const before = received.length;
    expect(await sendSessionReminder(null, { sessionId })).toMatchObject({ ok: true, data: { queued: 0 } });
    expect(await sendReminderEmails(sessionId)).toEqual({ sent: 0, failed: 0 });
    expect(received.length).toBe(before);

    // Someone registering later is reminded by the next ask, alone.
    await register(invitations[3]!.token);
    expect(await sendSessionReminder(null, { sessionId })).toMatchObject({ ok: true, data: { queued: 1 } });
    expect(await settled(sessionId)).toEqual(['sent', 'sent', 'opted_out', 'sent']);
    expect(received.length).toBe(before + 1);
    expect(mailsTo(emails[3]!)).toHaveLength(1);
  });

  it('never sends a reminder twice: one a crashed run took is marked failed, not sent again', async () => {
    const { host, sessionId, emails, invitations } = await invitedSession([{ name: 'Crash Victim', language: 'en' }]);
    await register(invitations[0]!.token);
    // Queued with no job to send it, then taken as a run would take it.
    await (await db()).update(programInvitations).set({ reminderStatus: 'queued' }).where(eq(programInvitations.id, invitations[0]!.id));
    expect(await claimReminder(await db(), sessionId)).toMatchObject({ id: invitations[0]!.id });
    // The run that took it died before recording; the retry must not send it.
    expect(await sendReminderEmails(sessionId)).toEqual({ sent: 0, failed: 0 });
    expect(mailsTo(emails[0]!)).toEqual([]);
    const [row] = await (await db()).select().from(programInvitations).where(eq(programInvitations.id, invitations[0]!.id));
    expect(row).toMatchObject({ reminderStatus: 'failed', reminderError: expect.stringContaining('interrupted') });
    // The host may ask again: a failed reminder is queued anew and sent once.
    await signInAs(host);
    expect(await sendSessionReminder(null, { sessionId })).toMatchObject({ ok: true, data: { queued: 1 } });
    expect(await settled(sessionId)).toEqual(['sent']);
    expect(mailsTo(emails[0]!)).toHaveLength(1);
  });

  it('the day-before sweep reminds those registered earlier for sessions starting within a day, once, and only with SMTP', async () => {
    const soon = new Date(Date.now() + 20 * 3600_000);
    const early = new Date(Date.now() - 2 * 24 * 3600_000);
    const { sessionId, emails, invitations } = await invitedSession(
      [{ name: 'Early Bird', language: 'en' }, { name: 'Late Comer', language: 'ja' }, { name: 'Opted Out', noProgramEmails: true }],
      { startsAt: soon },
    );
    for (const i of invitations) await register(i.token);
    // Two registered two days ago; the late comer registered just now and has just seen the page.
    await (await db()).update(programInvitations).set({ registeredAt: early }).where(inArray(programInvitations.id, [invitations[0]!.id, invitations[2]!.id]));
    const later = await invitedSession([{ name: 'Next Week', language: 'en' }], { daysAhead: 7 });
    await register(later.invitations[0]!.token);
    await (await db()).update(programInvitations).set({ registeredAt: early }).where(eq(programInvitations.id, later.invitations[0]!.id));

    delete process.env.SMTP_URL;
    expect(await sweepReminders()).toBe(0);
    expect(await reminderStatuses(sessionId)).toEqual(['not_sent', 'not_sent', 'not_sent']);
    process.env.SMTP_URL = smtp.url;

    expect(await sweepReminders()).toBeGreaterThanOrEqual(1);
    expect(await settled(sessionId)).toEqual(['sent', 'not_sent', 'opted_out']);
    expect(mailsTo(emails[0]!)).toHaveLength(1);
    expect(mailText(mailsTo(emails[0]!)[0]!.raw)).toContain(`/r/${invitations[0]!.token}`);
    expect(mailsTo(emails[1]!)).toEqual([]);
    expect(await reminderStatuses(later.sessionId)).toEqual(['not_sent']);

    // The next sweep finds nothing left for this session.
    await sweepReminders();
    await settled(sessionId);
    expect(mailsTo(emails[0]!)).toHaveLength(1);
  });

  it('refuses a session that has started, and without SMTP one with someone to remind', async () => {
    const started = await invitedSession([{ name: 'Too Late', language: 'en' }], { startsAt: new Date(Date.now() - 10 * 60_000) });
    await signInAs(started.host);
    expect(errorKey(await sendSessionReminder(null, { sessionId: started.sessionId }))).toBe('programs.errors.reminderTooLate');

    const { host, sessionId, invitations } = await invitedSession([{ name: 'No Mail', language: 'en' }]);
    await register(invitations[0]!.token);
    await signInAs(host);
    delete process.env.SMTP_URL;
    try {
      expect(errorKey(await sendSessionReminder(null, { sessionId }))).toBe('programs.errors.noSmtpReminder');
      // Refused whole: nothing is left queued.
      expect(await reminderStatuses(sessionId)).toEqual(['not_sent']);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});
