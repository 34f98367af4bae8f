import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertContact } from '@/db/queries/contacts';
import { listProgramKinds } from '@/db/queries/programs';
import { programInvitations } from '@/db/schema';
import { parseCsv } from '@/lib/csv/parse';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs, uniqueEmail } from '@/tests/factories';
import { POST as answer } from '@/app/r/[token]/route';
import { createProgram, inviteToSession } from './actions';
import { GET as links } from './links/[session]/route';

// Without SMTP nothing is emailed: the program page offers the session's
// links as a mail-merge file. Whoever may see the page gets the file.

const db = () => getDb();

async function invitedSession() {
  const host = await createUser('csm', { name: '主催 太郎' });
  const owner = await createUser('csm');
  await signInAs(host);
  const kindId = (await listProgramKinds(await db())).find((k) => k.key === 'webinar')!.id;
  const created = await createProgram(null, { kindId, title: '新機能ウェビナー', date: addDays(todayIn('Asia/Tokyo'), 9), time: '14:00', timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: 'https://zoom.example/j/1' });
  const { id: programId, sessionId } = (created as { data: { id: number; sessionId: number } }).data;
  const account = await createAccount({ ownerId: owner.id, name: `=HYPERLINK("x") 商事 ${uniqueEmail('a')}` });
  const hanako = uniqueEmail('hanako');
  await insertContact(await db(), { accountId: account.id, name: '山田, 花子', email: hanako, language: 'ja' });
  await insertContact(await db(), { accountId: account.id, name: 'Opted Out', email: uniqueEmail('out'), language: 'en', noProgramEmails: true });
  await insertContact(await db(), { accountId: account.id, name: 'Left', email: uniqueEmail('left'), active: false });
  await signInAs(owner);
  expect(await inviteToSession(null, { sessionId, accountId: account.id })).toMatchObject({ ok: true, data: { invited: 2, emailing: false } });
  const rows = await (await db()).select().from(programInvitations).where(eq(programInvitations.sessionId, sessionId)).orderBy(programInvitations.id);
  // The first invitee registers on their page.
  await answer(new Request(`http://localhost/r/${rows[0]!.token}`, { method: 'POST', body: new URLSearchParams({ answer: 'register' }) }), { params: Promise.resolve({ token: rows[0]!.token }) });
  return { programId, sessionId, host, owner, hanako, tokens: rows.map((r) => r.token) };
}

const download = (sessionId: number | string, headers: Record<string, string> = {}) =>
  links(new Request(`http://localhost/programs/links/${sessionId}`, { headers }), { params: Promise.resolve({ session: String(sessionId) }) });

describe('the session links as a mail-merge file', () => {
  it('lists every active invitee with their own absolute link and status, Excel-readable, for every role that sees the page', async () => {
    const { sessionId, host, owner, hanako, tokens } = await invitedSession();
    const otherCsm = await createUser('csm');
    for (const user of [host, owner, otherCsm, await createUser('manager'), await createUser('admin')]) {
      await signInAs(user);
      const response = await download(sessionId);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="program-\d+-session-\d+-links\.csv"$/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // Excel reads UTF-8 only after a byte-order mark.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      const { headers: head, rows: records } = parseCsv(text);
      const rows = records.map((r) => r.cells);
      expect(head).toEqual(['name', 'email', 'account', 'language', 'opted_out', 'link', 'status']);
      // By name; the inactive contact's link no longer opens, so it is not listed.
      expect(rows).toEqual([
        ['Opted Out', expect.stringMatching(/^out/), expect.stringMatching(/^'=HYPERLINK/), 'en', 'yes', `http://localhost:3000/r/${tokens[1]}`, 'Invited'],
        ['山田, 花子', hanako, expect.stringMatching(/^'=HYPERLINK/), 'ja', '', `http://localhost:3000/r/${tokens[0]}`, 'Registered'],
      ]);
    }
  });

  it('is written in the reader’s language', async () => {
    const { sessionId } = await invitedSession();
    await signInAs(await createUser('manager'));
    const text = await (await download(sessionId, { 'accept-language': 'ja' })).text();
    const { headers: head, rows } = parseCsv(text);
    expect(head).toEqual(['氏名', 'メールアドレス', 'アカウント', '言語', '配信停止', 'リンク', '状況']);
    expect(rows.map((r) => r.cells[6])).toEqual(['招待済み', '申込済み']);
  });

  it('answers a visitor without a session 401 and an unknown or malformed session 404, as a line of text', async () => {
    const { sessionId } = await invitedSession();
    await signInAs(null);
    expect((await download(sessionId)).status).toBe(401);
    await signInAs(await createUser('csm'));
    for (const bad of [String(sessionId + 100000), 'abc', '-1']) {
      const response = await download(bad);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/error|stack/i);
    }
  });
});
