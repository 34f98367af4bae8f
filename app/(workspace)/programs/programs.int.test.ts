import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertContact } from '@/db/queries/contacts';
import { listInvitations, listProgramKinds, programFunnel } from '@/db/queries/programs';
import { contacts, programInvitations, programSessions, touches } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount, setHealthBand } from '@/tests/accounts';
import { createUser, signInAs, uniqueEmail } from '@/tests/factories';
import { GET as page, POST as answer } from '@/app/r/[token]/route';
import { GET as ics } from '@/app/r/[token]/ics/route';
import { POST as unsubscribe } from '@/app/u/[token]/route';
import { createProgram, importAttendance, inviteToSession, markAttendance, previewInviteAudience } from './actions';
import { listUnmatchedAttendees } from '@/db/queries/programs';
import { zoomParticipants } from '@/tests/attendee-reports';

const db = () => getDb();

async function program(fields: Record<string, unknown> = {}) {
  const kindId = (await listProgramKinds(await db())).find((k) => k.key === 'study_session')!.id;
  const result = await createProgram(null, {
    kindId,
    title: '管理者向け勉強会',
    date: addDays(todayIn('Asia/Tokyo'), 10),
    time: '16:00',
    timeZone: 'Asia/Tokyo',
    durationMinutes: 90,
    venue: '東京オフィス 8F',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data as { id: number; sessionId: number };
}

async function accountWith(ownerId: number, people: string[], arr = '1000000') {
  const account = await createAccount({ ownerId, arr });
  const ids: number[] = [];
  for (const name of people) ids.push(await insertContact(await db(), { accountId: account.id, name, email: uniqueEmail('p'), language: 'ja' }));
  return { account, ids };
}

async function invitationsOf(sessionId: number) {
  return (await db()).select().from(programInvitations).where(eq(programInvitations.sessionId, sessionId)).orderBy(programInvitations.id);
}

const post = (token: string, value: string) =>
  answer(new Request(`http://localhost/r/${token}`, { method: 'POST', body: new URLSearchParams({ answer: value }) }), { params: Promise.resolve({ token }) });
const get = (token: string, handler = page, suffix = '') => handler(new Request(`http://localhost/r/${token}${suffix}`), { params: Promise.resolve({ token }) });

const touchKinds = async (invitationIds: number[]) =>
  (await (await db()).select({ kind: touches.kind, model: touches.touchModel }).from(touches).where(inArray(touches.programInvitationId, invitationIds))).map((t) => `${t.kind}:${t.model}`).sort();

describe('programs', () => {
  it('invites an account’s active contacts once each, with a program_invited touch each; inviting again adds nobody', async () => {
    const csm = await createUser('csm');
    await signInAs(csm);
    const { sessionId } = await program();
    const { account, ids } = await accountWith(csm.id, ['佐藤 一郎', '鈴木 花子']);
    await insertContact(await db(), { accountId: account.id, name: 'Left', email: uniqueEmail('left'), active: false });

    expect(await inviteToSession(null, { sessionId, accountId: account.id })).toMatchObject({ ok: true, data: { matched: 2, invited: 2 } });
    expect(await inviteToSession(null, { sessionId, accountId: account.id })).toMatchObject({ ok: true, data: { matched: 2, invited: 0 } });
    const invitations = await invitationsOf(sessionId);
    expect(invitations.map((i) => i.contactId).sort()).toEqual([...ids].sort());
    expect(invitations.every((i) => /^[0-9a-f]{64}$/.test(i.token) && i.status === 'invited')).toBe(true);
    expect(await touchKinds(invitations.map((i) => i.id))).toEqual(['program_invited:low', 'program_invited:low']);
  });

  it('refuses a CSM inviting another CSM’s contacts by id, and an audience with no contacts', async () => {
    const [csm, other] = [await createUser('csm'), await createUser('csm')];
    await signInAs(csm);
    const { sessionId } = await program();
    const { ids } = await accountWith(other.id, ['Not Yours']);
    expect(await inviteToSession(null, { sessionId, contactIds: ids })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    const empty = await createAccount({ ownerId: csm.id });
    expect(await inviteToSession(null, { sessionId, accountId: empty.id })).toEqual({ ok: false, error: { key: 'programs.errors.noContacts' } });
    expect(await invitationsOf(sessionId)).toEqual([]);
  });

  it('invites an audience narrowed by health band: the count and the invitations cover exactly those accounts, in the CSM’s own book', async () => {
    const [csm, other] = [await createUser('csm'), await createUser('csm')];
    await signInAs(csm);
    const { sessionId } = await program();
    const poor = await accountWith(csm.id, ['Poor 1', 'Poor 2']);
    const good = await accountWith(csm.id, ['Good']);
    const unscored = await accountWith(csm.id, ['Unscored']);
    const theirs = await accountWith(other.id, ['Theirs']);
    await setHealthBand(poor.account.id, 'poor');
    await setHealthBand(good.account.id, 'good');
    await setHealthBand(theirs.account.id, 'poor');
    const reach = async (audience: string) => {
      const result = await previewInviteAudience(null, { audience });
      return result.ok ? result.data : result;
    };
    expect(await reach('health=poor')).toMatchObject({ accounts: 1, contacts: 2 });
    expect(await reach('health=none')).toMatchObject({ accounts: 1, contacts: 1 });
    expect(await reach('health=average')).toMatchObject({ accounts: 0, contacts: 0 });
    expect(await reach('health=poor%2Cnone')).toMatchObject({ accounts: 2, contacts: 3 });

    expect(await inviteToSession(null, { sessionId, audience: 'health=poor%2Cnone', expected: 3 })).toMatchObject({ ok: true, data: { invited: 3 } });
    expect((await invitationsOf(sessionId)).map((i) => i.contactId).sort()).toEqual([...poor.ids, ...unscored.ids].sort());
  });

  it('lets an invitee register on their page without signing in; a full session waitlists, and a cancellation promotes the first in line', async () => {
    const csm = await createUser('csm');
    await signInAs(csm);
    const { sessionId } = await program({ capacity: 1 });
    const { account } = await accountWith(csm.id, ['一番', '二番', '三番']);
    await inviteToSession(null, { sessionId, accountId: account.id });
    await signInAs(null);
    const [first, second, third] = await invitationsOf(sessionId);

    // GET only shows the page: a mail scanner following the link registers nobody.
    const shown = await get(first!.token);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('管理者向け勉強会');
    expect((await invitationsOf(sessionId))[0]!.status).toBe('invited');

    expect((await post(first!.token, 'register')).status).toBe(200);
    expect(await (await post(second!.token, 'register')).text()).toContain('キャンセル待ち');
    await post(third!.token, 'register');
    expect((await invitationsOf(sessionId)).map((i) => i.status)).toEqual(['registered', 'waitlisted', 'waitlisted']);
    // Registering twice changes nothing.
    await post(first!.token, 'register');

    await post(first!.token, 'decline');
    expect((await invitationsOf(sessionId)).map((i) => i.status)).toEqual(['cancelled', 'registered', 'waitlisted']);
    // The first who cancelled comes back behind those already waiting.
    await post(first!.token, 'register');
    expect((await invitationsOf(sessionId)).map((i) => i.status)).toEqual(['waitlisted', 'registered', 'waitlisted']);
    expect(await touchKinds([second!.id])).toEqual(['program_invited:low', 'program_registered:low']);
  });

  it('gives the session as a calendar file, and the link expires with its session', async () => {
    const csm = await createUser('csm');
    await signInAs(csm);
    const { sessionId } = await program();
    const { account } = await accountWith(csm.id, ['山田 太郎']);
    await inviteToSession(null, { sessionId, accountId: account.id });
    const [invitation] = await invitationsOf(sessionId);
    const file = await get(invitation!.token, ics, '/ics');
    expect(file.headers.get('content-type')).toContain('text/calendar');
    const text = await file.text();
    expect(text).toContain('SUMMARY:管理者向け勉強会');
    expect(text).toContain('TZID=Asia/Tokyo');

    await (await db()).update(programSessions).set({ startsAt: new Date(Date.now() - 2 * 3600_000) }).where(eq(programSessions.id, sessionId));
    const expired = await post(invitation!.token, 'register');
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('終了');
    expect((await invitationsOf(sessionId))[0]!.status).toBe('invited');
  });

  it('records attendance by hand for hosts: attended touches at the session’s start, removed again when corrected to no-show; the funnel counts by tier', async () => {
    const [host, other] = [await createUser('csm'), await createUser('csm')];
    await signInAs(host);
    const { id, sessionId } = await program({ date: addDays(todayIn('Asia/Tokyo'), -3) });
    const { account } = await accountWith(host.id, ['来た人', '来なかった人'], '1000000');
    const session = (await (await db()).select().from(programSessions).where(eq(programSessions.id, sessionId)))[0]!;
    // A past session takes no invitations through the action; the attendance import adds them. Here: straight in.
    const { inviteContacts, findSession } = await import('@/db/queries/programs');
    await inviteContacts(await db(), { session: (await findSession(await db(), sessionId))!, filters: { ids: [account.id] }, invitedBy: host.id, emailStatus: 'not_sent' });
    const [came, missed] = await invitationsOf(sessionId);

    await signInAs(other);
    expect(await markAttendance(null, { sessionId, invitationIds: [came!.id], status: 'attended' })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    await signInAs(host);
    expect(await markAttendance(null, { sessionId, invitationIds: [came!.id, missed!.id], status: 'attended', minutes: 80 })).toMatchObject({ ok: true, data: { changed: 2 } });
    expect(await markAttendance(null, { sessionId, invitationIds: [missed!.id], status: 'no_show' })).toMatchObject({ ok: true, data: { changed: 1 } });

    const attended = await (await db()).select({ at: touches.occurredAt, id: touches.programInvitationId }).from(touches).where(and(eq(touches.kind, 'program_attended'), inArray(touches.programInvitationId, [came!.id, missed!.id])));
    expect(attended).toEqual([{ at: session.startsAt, id: came!.id }]);
    const funnel = await programFunnel(await db(), id);
    expect(funnel).toEqual([{ tier: account.tier, invited: 2, registered: 0, attended: 1, noShow: 1, accounts: 1 }]);
    const noShows = await listInvitations(await db(), sessionId, { page: 1, status: 'no_show' });
    expect(noShows.map((r) => r.contactName)).toEqual(['来なかった人']);
    expect(noShows[0]).toMatchObject({ total: 1, accountId: account.id, accountName: account.name, tier: account.tier, status: 'no_show', attendedMinutes: null });
    const all = await listInvitations(await db(), sessionId, { page: 1 });
    // By account, then contact name (た U+305F before な U+306A), each row with the session's count.
    expect(all.map((r) => [r.contactName, r.total])).toEqual([['来た人', 2], ['来なかった人', 2]]);
  });

  it('unsubscribes the invitee from program emails with the same token', async () => {
    const csm = await createUser('csm');
    await signInAs(csm);
    const { sessionId } = await program();
    const { account, ids } = await accountWith(csm.id, ['配信停止']);
    await inviteToSession(null, { sessionId, accountId: account.id });
    const [invitation] = await invitationsOf(sessionId);
    const response = await unsubscribe(new Request(`http://localhost/u/${invitation!.token}`, { method: 'POST' }), { params: Promise.resolve({ token: invitation!.token }) });
    expect(response.status).toBe(200);
    const [contact] = await (await db()).select({ out: contacts.noProgramEmails }).from(contacts).where(eq(contacts.id, ids[0]!));
    expect(contact!.out).toBe(true);
  });

  it('imports a Zoom participants report: attendees attended with minutes, an uninvited contact invited as attended, hosts left out, the rest listed; the same file twice changes nothing', async () => {
    const host = await createUser('csm');
    await signInAs(host);
    const { sessionId } = await program({ date: addDays(todayIn('Asia/Tokyo'), -1) });
    const domain = `imp-${Math.random().toString(36).slice(2, 8)}.example`;
    const account = await createAccount({ ownerId: host.id, domain });
    const d = await db();
    const [invitedId, walkInId] = [await insertContact(d, { accountId: account.id, name: '招待済み', email: `invited@${domain}` }), await insertContact(d, { accountId: account.id, name: '飛び入り', email: `walkin@${domain}` })];
    const { inviteContacts, findSession } = await import('@/db/queries/programs');
    await inviteContacts(d, { session: (await findSession(d, sessionId))!, filters: {}, contactIds: [invitedId], invitedBy: host.id, emailStatus: 'not_sent' });

    const report = zoomParticipants([
      { name: 'Host', email: host.email, minutes: 90 },
      { name: '招待済み', email: `INVITED@${domain}`, minutes: 45 },
      { name: '飛び入り', email: `walkin@${domain}`, minutes: 30 },
      { name: '新しい人', email: `new.person@${domain}`, minutes: 20 },
      { name: 'Gmail Person', email: 'someone@gmail.example', minutes: 10 },
    ]);
    const upload = () => importAttendance(null, { sessionId, file: new File([report], 'participants.csv', { type: 'text/csv' }) });
    expect(await upload()).toMatchObject({ ok: true, data: { attended: 2, added: 1, newContacts: 1, unmatched: 1, staff: 1, repeated: false } });

    const rows = await invitationsOf(sessionId);
    expect(rows.map((r) => [r.contactId, r.status, r.attendedMinutes]).sort()).toEqual([[invitedId, 'attended', 45], [walkInId, 'attended', 30]].sort());
    expect((await touchKinds(rows.map((r) => r.id))).filter((k) => k.startsWith('program_attended'))).toHaveLength(2);
    expect((await listUnmatchedAttendees(d, sessionId)).map((u) => [u.name, u.accountId])).toEqual([['Gmail Person', null], ['新しい人', account.id]]);

    const before = JSON.stringify(await invitationsOf(sessionId));
    expect(await upload()).toMatchObject({ ok: true, data: { repeated: true, attended: 2 } });
    expect(JSON.stringify(await invitationsOf(sessionId))).toBe(before);
  });

  it('refuses a file that is not an attendee report, next to the file field, changing nothing', async () => {
    const host = await createUser('csm');
    await signInAs(host);
    const { sessionId } = await program({ date: addDays(todayIn('Asia/Tokyo'), -1) });
    const result = await importAttendance(null, { sessionId, file: new File(['name,arr\nAcme,100\n'], 'accounts.csv') });
    expect(result).toMatchObject({ ok: false, fieldErrors: { file: { key: 'programs.attendanceErrors.notAReport' } } });
    expect(await invitationsOf(sessionId)).toEqual([]);
  });
});
