import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertContact } from '@/db/queries/contacts';
import { findSession, inviteContacts, listProgramKinds, setInvitationStatus } from '@/db/queries/programs';
import { listUnmatched } from '@/db/queries/unmatched-attendees';
import { auditLog, contacts, programInvitations, touches } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { zoomParticipants } from '@/tests/attendee-reports';
import { createUser, signInAs } from '@/tests/factories';
import type { PublicUser } from '@/db/queries/users';
import { createProgram, importAttendance } from './actions';
import { addAttendeeAsContact, dismissAttendee, findContactsToMatch, matchAttendee } from './attendee-actions';

const db = () => getDb();
const tag = () => Math.random().toString(36).slice(2, 8);

/**
 * A webinar held yesterday, hosted by `host`, and a report naming someone at
 * an account's domain (no contact yet) and someone at a free-mail address.
 */
async function importedSession(host: PublicUser, accountOwner: PublicUser = host) {
  await signInAs(host);
  const kindId = (await listProgramKinds(await db())).find((k) => k.key === 'webinar')!.id;
  const created = await createProgram(null, { kindId, title: `ウェビナー ${tag()}`, date: addDays(todayIn('Asia/Tokyo'), -1), time: '10:00', timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: 'https://zoom.example/j/1' });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const { id: programId, sessionId } = created.data;
  const domain = `att-${tag()}.example`;
  const account = await createAccount({ ownerId: accountOwner.id, domain });
  const gmail = `kenji.${tag()}@gmail.example`;
  const report = zoomParticipants([
    { name: '小林 彩花', email: `ayaka@${domain}`, minutes: 55 },
    { name: 'Kenji Ono', email: gmail, minutes: 29 },
  ]);
  const imported = await importAttendance(null, { sessionId, file: new File([report], 'participants.csv', { type: 'text/csv' }) });
  expect(imported).toMatchObject({ ok: true, data: { newContacts: 1, unmatched: 1 } });
  const listed = await listUnmatched(await db(), sessionId, 1);
  const byName = (name: string) => listed.find((u) => u.name === name)!;
  return { programId, sessionId, account, domain, gmail, newPerson: byName('小林 彩花'), guest: byName('Kenji Ono') };
}

const invitationsOf = async (sessionId: number) => (await db()).select().from(programInvitations).where(eq(programInvitations.sessionId, sessionId));
const touchesOf = async (invitationIds: number[]) =>
  (await db()).select({ kind: touches.kind, accountId: touches.accountId, occurredAt: touches.occurredAt }).from(touches).where(inArray(touches.programInvitationId, invitationIds));
const audits = async (action: string, entityId: number) =>
  (await db()).select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))));
const stillListed = async (sessionId: number) => (await listUnmatched(await db(), sessionId, 1)).map((u) => u.name).sort();

describe('attendee report people resolved by hand', () => {
  it('adds someone at an account’s domain as its contact, attended with their minutes and in the touch ledger at the session’s start; a second click changes nothing', async () => {
    const manager = await createUser('manager');
    const owner = await createUser('csm');
    const { sessionId, programId, account, domain, newPerson } = await importedSession(manager, owner);
    expect(newPerson.accountId).toBe(account.id);

    const result = await addAttendeeAsContact(null, { sessionId, attendeeId: newPerson.id });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    const [contact] = await (await db()).select().from(contacts).where(eq(contacts.email, `ayaka@${domain}`));
    expect(contact).toMatchObject({ accountId: account.id, name: '小林 彩花', active: true, createdBy: manager.id });

    const [invitation] = await invitationsOf(sessionId);
    expect(invitation).toMatchObject({ contactId: contact!.id, accountId: account.id, status: 'attended', attendedMinutes: 55 });
    const session = (await findSession(await db(), sessionId))!;
    const ledger = await touchesOf([invitation!.id]);
    expect(ledger.map((t) => t.kind).sort()).toEqual(['program_attended', 'program_invited']);
    expect(ledger.every((t) => t.accountId === account.id && t.occurredAt.getTime() === new Date(session.startsAt).getTime())).toBe(true);
    expect(await stillListed(sessionId)).toEqual(['Kenji Ono']);
    expect(await audits('program.add_attendee_contact', account.id)).toMatchObject([{ actorId: manager.id, after: { contactId: contact!.id, programId, email: `ayaka@${domain}`, minutes: 55 } }]);

    // The button clicked twice (or by two people): the second finds them added.
    expect(await addAttendeeAsContact(null, { sessionId, attendeeId: newPerson.id })).toEqual({ ok: true, data: { changed: false } });
    expect(await (await db()).select().from(contacts).where(eq(contacts.accountId, account.id))).toHaveLength(1);
    expect(await touchesOf([invitation!.id])).toHaveLength(2);
    expect(await audits('program.add_attendee_contact', account.id)).toHaveLength(1);
  });

  it('lets a CSM who hosts the session add people only to accounts they own; a CSM who does not host it resolves nobody', async () => {
    const host = await createUser('csm');
    const colleague = await createUser('csm');
    const notMine = await importedSession(host, colleague);
    expect(await addAttendeeAsContact(null, { sessionId: notMine.sessionId, attendeeId: notMine.newPerson.id })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    expect(await (await db()).select().from(contacts).where(eq(contacts.accountId, notMine.account.id))).toEqual([]);
    expect(await stillListed(notMine.sessionId)).toEqual(['Kenji Ono', '小林 彩花']);

    const mine = await importedSession(host);
    await signInAs(colleague);
    for (const call of [
      () => addAttendeeAsContact(null, { sessionId: mine.sessionId, attendeeId: mine.newPerson.id }),
      () => dismissAttendee(null, { sessionId: mine.sessionId, attendeeId: mine.guest.id }),
    ])
      expect(await call()).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    expect(await stillListed(mine.sessionId)).toEqual(['Kenji Ono', '小林 彩花']);

    await signInAs(host);
    expect(await addAttendeeAsContact(null, { sessionId: mine.sessionId, attendeeId: mine.newPerson.id })).toMatchObject({ ok: true, data: { changed: true } });
  });

  it('matches someone to an existing contact: their no-show becomes attended with the minutes, and a second click changes nothing', async () => {
    const admin = await createUser('admin');
    const { sessionId, programId, guest, gmail } = await importedSession(admin);
    const elsewhere = await createAccount({ ownerId: null });
    const contactId = await insertContact(await db(), { accountId: elsewhere.id, name: '小野 健二', email: `k.ono.${tag()}@elsewhere.example` });
    const session = (await findSession(await db(), sessionId))!;
    await inviteContacts(await db(), { session, filters: {}, contactIds: [contactId], invitedBy: admin.id, emailStatus: 'not_sent' });
    const [invited] = await invitationsOf(sessionId).then((rows) => rows.filter((r) => r.contactId === contactId));
    await setInvitationStatus(await db(), { ids: [invited!.id], status: 'no_show', at: new Date(), touchModel: 'low' });

    expect(await matchAttendee(null, { sessionId, attendeeId: guest.id, contactId })).toMatchObject({ ok: true, data: { changed: true, contactId } });
    const [after] = (await invitationsOf(sessionId)).filter((r) => r.contactId === contactId);
    expect(after).toMatchObject({ id: invited!.id, status: 'attended', attendedMinutes: 29 });
    expect((await touchesOf([invited!.id])).map((t) => t.kind).sort()).toEqual(['program_attended', 'program_invited']);
    expect(await stillListed(sessionId)).toEqual(['小林 彩花']);
    expect(await audits('program.match_attendee', programId)).toMatchObject([{ actorId: admin.id, after: { attendee: 'Kenji Ono', email: gmail, contactId, invited: false } }]);

    expect(await matchAttendee(null, { sessionId, attendeeId: guest.id, contactId })).toEqual({ ok: true, data: { changed: false } });
    expect((await invitationsOf(sessionId)).find((r) => r.contactId === contactId)).toMatchObject({ status: 'attended', attendedMinutes: 29 });
    expect(await audits('program.match_attendee', programId)).toHaveLength(1);
  });

  it('matches someone to a contact without an invitation by giving them one, attended', async () => {
    const manager = await createUser('manager');
    const { sessionId, guest } = await importedSession(manager);
    const account = await createAccount({ ownerId: null });
    const contactId = await insertContact(await db(), { accountId: account.id, name: 'Kenji Ono', email: `kenji.${tag()}@work.example` });
    expect(await matchAttendee(null, { sessionId, attendeeId: guest.id, contactId })).toMatchObject({ ok: true, data: { changed: true } });
    const [invitation] = (await invitationsOf(sessionId)).filter((r) => r.contactId === contactId);
    expect(invitation).toMatchObject({ accountId: account.id, status: 'attended', attendedMinutes: 29 });
    expect((await touchesOf([invitation!.id])).map((t) => t.kind).sort()).toEqual(['program_attended', 'program_invited']);
  });

  it('refuses a contact who left, changing nothing', async () => {
    const manager = await createUser('manager');
    const { sessionId, guest } = await importedSession(manager);
    const account = await createAccount({ ownerId: null });
    const contactId = await insertContact(await db(), { accountId: account.id, name: 'Left', email: `left.${tag()}@work.example`, active: false });
    expect(await matchAttendee(null, { sessionId, attendeeId: guest.id, contactId })).toEqual({ ok: false, error: { key: 'programs.unmatched.errors.contactGone' } });
    expect(await stillListed(sessionId)).toEqual(['Kenji Ono', '小林 彩花']);
  });

  it('dismisses someone who is not a customer: no longer listed, not listed again by a later report, nothing else written', async () => {
    const manager = await createUser('manager');
    const { sessionId, programId, guest, gmail } = await importedSession(manager);
    const before = await invitationsOf(sessionId);
    expect(await dismissAttendee(null, { sessionId, attendeeId: guest.id })).toEqual({ ok: true, data: { changed: true } });
    expect(await dismissAttendee(null, { sessionId, attendeeId: guest.id })).toEqual({ ok: true, data: { changed: false } });
    expect(await stillListed(sessionId)).toEqual(['小林 彩花']);
    expect(await invitationsOf(sessionId)).toEqual(before);
    expect(await audits('program.dismiss_attendee', programId)).toHaveLength(1);

    // Zoom's report downloaded again later (another file): the dismissed person stays dismissed.
    const again = zoomParticipants([{ name: 'Kenji Ono', email: gmail, minutes: 31 }]);
    expect(await importAttendance(null, { sessionId, file: new File([again], 'participants (1).csv') })).toMatchObject({ ok: true, data: { unmatched: 1 } });
    expect(await stillListed(sessionId)).toEqual(['小林 彩花']);
  });

  it('says who has the email when the person became a contact since the import, adding nobody', async () => {
    const manager = await createUser('manager');
    const { sessionId, account, domain, newPerson } = await importedSession(manager);
    await insertContact(await db(), { accountId: account.id, name: '小林 彩花 (CRM)', email: `Ayaka@${domain}` });
    expect(await addAttendeeAsContact(null, { sessionId, attendeeId: newPerson.id })).toEqual({ ok: false, error: { key: 'contacts.emailTaken', values: { name: '小林 彩花 (CRM)', account: account.name } } });
    expect(await stillListed(sessionId)).toEqual(['Kenji Ono', '小林 彩花']);
  });

  it('finds active contacts by words of their name, email or account, an exact email first', async () => {
    const manager = await createUser('manager');
    await signInAs(manager);
    const word = `Zq${tag()}`;
    const account = await createAccount({ ownerId: null, name: `${word} 工業` });
    const exact = `${word.toLowerCase()}@x.example`;
    const a = await insertContact(await db(), { accountId: account.id, name: 'Aoki Ren', email: `ren.${tag()}@x.example` });
    const b = await insertContact(await db(), { accountId: account.id, name: 'Sato Mio', email: exact });
    await insertContact(await db(), { accountId: account.id, name: 'Left Person', email: `left.${tag()}@x.example`, active: false });
    const found = await findContactsToMatch(null, { q: word });
    expect(found).toMatchObject({ ok: true });
    expect((found as { data: { id: number }[] }).data.map((c) => c.id)).toEqual([a, b]);
    expect(((await findContactsToMatch(null, { q: exact })) as { data: { id: number }[] }).data.map((c) => c.id)).toEqual([b]);
    expect(((await findContactsToMatch(null, { q: `${word} aoki` })) as { data: { id: number; accountName: string }[] }).data).toEqual([
      { id: a, name: 'Aoki Ren', email: expect.any(String), accountId: account.id, accountName: `${word} 工業` },
    ]);
    expect(await findContactsToMatch(null, { q: 'Z' })).toEqual({ ok: true, data: [] });
  });
});
