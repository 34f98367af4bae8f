import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertContact, listAccountContacts } from '@/db/queries/contacts';
import { listContentKinds, listContentRecipients } from '@/db/queries/content';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs, uniqueEmail } from '@/tests/factories';
import { createContentItem, shareContent } from '@/app/(workspace)/content/actions';
import { GET as unsubscribePage, POST as unsubscribe } from '@/app/u/[token]/route';
import { sendShareEmails } from './content-email';
import { sendInvitationEmails } from './program-email';
import { createProgram, inviteToSession } from '@/app/(workspace)/programs/actions';
import { listProgramKinds } from '@/db/queries/programs';
import { programInvitations } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { addDays } from '@/lib/scheduling/local-date';
import { todayIn } from '@/lib/dates';
import { stopJobs } from './jobs';
import { mailText } from '@/tests/mail';
import { startTestSmtp } from '@/tests/smtp';

// A real SMTP server on a free port: what arrives is what a contact would get.
// One address it refuses, to see a per-recipient failure.
const { mails: received } = startTestSmtp({ refuse: (address) => address.startsWith('bounce'), unfoldHeaders: true });
afterAll(() => stopJobs());

describe('content emails', () => {
  it('sends each contact their own link with one-click unsubscribe, skips the opted-out, records each outcome, and sends nothing twice', async () => {
    const csm = await createUser('csm', { name: '田中 美咲' });
    const account = await createAccount({ ownerId: csm.id });
    const db = await getDb();
    const reader = uniqueEmail('reader');
    const bounce = `bounce-${uniqueEmail('x')}`;
    await insertContact(db, { accountId: account.id, name: '山田 花子', email: reader, language: 'ja' });
    await insertContact(db, { accountId: account.id, name: 'Opted Out', email: uniqueEmail('out'), noProgramEmails: true });
    await insertContact(db, { accountId: account.id, name: 'Bounce', email: bounce, language: 'en' });
    await signInAs(csm);
    const kindId = (await listContentKinds(db))[0]!.id;
    const item = (await createContentItem(null, { kindId, title: '稟議書テンプレート', url: 'https://example.com/t', tiers: [] })) as { data: { id: number } };
    const shared = await shareContent(null, { itemId: item.data.id, accountId: account.id });
    expect(shared).toMatchObject({ ok: true, data: { emailing: true, recipients: 3, optedOut: 1 } });
    const { batchId } = (shared as { data: { batchId: string } }).data;

    // The share enqueued the job in its transaction; this process's worker sends it.
    const settled = async () => (await listContentRecipients(db, item.data.id, 1)).every((r) => r.emailStatus !== 'queued');
    for (let i = 0; i < 100 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 200));
    const mail = received.find((m) => m.to === reader.toLowerCase())!;
    expect(mail.raw).toMatch(/List-Unsubscribe: <http:\/\/localhost:\d+\/u\/[0-9a-f]{64}>/);
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const text = mailText(mail.raw);
    expect(text).toMatch(/\/c\/[0-9a-f]{64}/);
    expect(text).toContain('山田 花子 様');
    expect(text).toContain('田中 美咲より「稟議書テンプレート」をお届けします。');
    const statuses = Object.fromEntries((await listContentRecipients(db, item.data.id, 1)).map((r) => [r.contactName, r.emailStatus]));
    expect(statuses).toEqual({ '山田 花子': 'sent', 'Opted Out': 'opted_out', Bounce: 'failed' });

    // A retried job finds nothing left to send.
    const before = received.length;
    expect(await sendShareEmails(batchId)).toEqual({ sent: 0, failed: 0 });
    expect(received.length).toBe(before);

    // The unsubscribe address: GET only asks; POST (what the one-click button sends) opts the contact out.
    const token = mail.raw.match(/\/u\/([0-9a-f]{64})/)![1]!;
    const call = (method: string) => (method === 'GET' ? unsubscribePage : unsubscribe)(new Request(`http://localhost/u/${token}`, { method, body: method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined }), { params: Promise.resolve({ token }) });
    expect((await call('GET')).status).toBe(200);
    expect((await listAccountContacts(db, account.id)).find((c) => c.name === '山田 花子')!.noProgramEmails).toBe(false);
    expect((await call('POST')).status).toBe(200);
    expect((await listAccountContacts(db, account.id)).find((c) => c.name === '山田 花子')!.noProgramEmails).toBe(true);
  });

  it('sends each program invitee their own page link with the session’s time, skips the opted-out, and sends nothing twice', async () => {
    const csm = await createUser('csm', { name: '高橋 翔' });
    const account = await createAccount({ ownerId: csm.id });
    const db = await getDb();
    const invitee = uniqueEmail('invitee');
    await insertContact(db, { accountId: account.id, name: '佐藤 健', email: invitee, language: 'ja' });
    await insertContact(db, { accountId: account.id, name: 'Opted Out', email: uniqueEmail('out'), noProgramEmails: true });
    await signInAs(csm);
    const kindId = (await listProgramKinds(db)).find((k) => k.key === 'webinar')!.id;
    const program = await createProgram(null, { kindId, title: '新機能ウェビナー', date: addDays(todayIn('Asia/Tokyo'), 7), time: '14:00', timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: 'https://zoom.example/j/9' });
    const { sessionId } = (program as { data: { sessionId: number } }).data;
    expect(await inviteToSession(null, { sessionId, accountId: account.id })).toMatchObject({ ok: true, data: { invited: 2, optedOut: 1, emailing: true } });

    const statuses = async () => (await db.select({ status: programInvitations.emailStatus }).from(programInvitations).where(eq(programInvitations.sessionId, sessionId))).map((r) => r.status).sort();
    for (let i = 0; i < 100 && (await statuses()).includes('queued'); i++) await new Promise((r) => setTimeout(r, 200));
    expect(await statuses()).toEqual(['opted_out', 'sent']);
    const mail = received.find((m) => m.to === invitee.toLowerCase())!;
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const text = mailText(mail.raw);
    expect(text).toMatch(/\/r\/[0-9a-f]{64}/);
    expect(text).toContain('佐藤 健 様');
    expect(text).toContain('新機能ウェビナー');
    expect(text).toMatch(/14:00/);
    expect(await sendInvitationEmails(sessionId)).toEqual({ sent: 0, failed: 0 });
  });
});
