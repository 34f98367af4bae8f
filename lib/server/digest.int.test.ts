import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { digestSetting } from '@/db/queries/digest';
import { tasks, users } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { mailText } from '@/tests/mail';
import { startTestSmtp } from '@/tests/smtp';
import { sendDigests } from './notifications';

// The daily digest against a real SMTP server: at 08:00 in the user's zone,
// not before, once a day however many runs, in their language.

// Addresses the server refuses while they are in `refused`.
const refused = new Set<string>();
const { mailsTo } = startTestSmtp({ unfoldHeaders: true, refuse: (address) => refused.has(address.toLowerCase()) });

const zone = 'Asia/Kolkata'; // +05:30: 08:00 local is 02:30 UTC
const minute = 60_000;

/** The latest 02:30 UTC (08:00 in Kolkata) at or before now: tasks created now are new since the day before. */
function eightLocal(): Date {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 2, 30));
  return at > now ? new Date(at.getTime() - 24 * 60 * minute) : at;
}

async function digestUser(locale: string | null) {
  const user = await createUser('csm', { name: 'Aiko Mori' });
  await (await getDb()).update(users).set({ digestEmail: true, timeZone: zone, locale }).where(eq(users.id, user.id));
  return user;
}

describe('the daily digest', () => {
  it('is sent at 08:00 in the user’s zone, not before, once that day however often it runs, with overdue, today’s and new tasks', async () => {
    const at = eightLocal();
    const today = todayIn(zone, at);
    const user = await digestUser('en');
    const account = await createAccount({ ownerId: user.id, name: 'Digest Co' });
    const db = await getDb();
    await db.insert(tasks).values([
      { accountId: account.id, ownerId: user.id, createdBy: user.id, title: 'Overdue renewal call', dueOn: addDays(today, -2) },
      { accountId: account.id, ownerId: user.id, createdBy: user.id, title: 'Call about usage', dueOn: today },
      { accountId: account.id, ownerId: user.id, createdBy: user.id, title: 'Fresh follow-up', dueOn: addDays(today, 6) },
      { accountId: account.id, ownerId: user.id, createdBy: user.id, title: 'Snoozed thing', dueOn: today, snoozedUntil: addDays(today, 3) },
      { accountId: account.id, ownerId: user.id, createdBy: user.id, title: 'Finished thing', dueOn: today, status: 'done' },
    ]);
    const [old] = await db.insert(tasks).values({ accountId: account.id, ownerId: user.id, createdBy: user.id, title: 'Old later task', dueOn: addDays(today, 9) }).returning({ id: tasks.id });
    await db.update(tasks).set({ createdAt: sql`now() - interval '3 days'` }).where(eq(tasks.id, old!.id));

    await sendDigests(new Date(at.getTime() - minute));
    expect(mailsTo(user.email)).toHaveLength(0);
    expect((await digestSetting(db, user.id))?.digestSentOn).toBeNull();

    // Two runs at once (two app instances), then a later one the same day: one email.
    await Promise.all([sendDigests(at), sendDigests(at)]);
    await sendDigests(new Date(at.getTime() + 90 * minute));
    expect(mailsTo(user.email)).toHaveLength(1);
    expect((await digestSetting(db, user.id))?.digestSentOn).toBe(today);

    const raw = mailsTo(user.email)[0]!.raw;
    expect(raw).toMatch(/^Subject: Your tasks for \w+ \d+, \d{4}\r$/m);
    const text = mailText(raw);
    expect(text).toContain('1 overdue task');
    expect(text).toContain('Overdue renewal call · Digest Co');
    expect(text).toContain('1 task due today');
    expect(text).toContain('Call about usage · Digest Co');
    expect(text).toContain('1 new task since the last digest');
    expect(text).toContain('Fresh follow-up');
    expect(text).not.toContain('Snoozed thing');
    expect(text).not.toContain('Finished thing');
    expect(text).not.toContain('Old later task');
    expect(text).toMatch(/\/tasks/);

    // The next day: not at 07:59, then at 08:00.
    const tomorrow = at.getTime() + 24 * 60 * minute;
    await sendDigests(new Date(tomorrow - minute));
    expect(mailsTo(user.email)).toHaveLength(1);
    await sendDigests(new Date(tomorrow));
    expect(mailsTo(user.email)).toHaveLength(2);
  });

  it('writes in the user’s language, and sends nothing on a day with nothing to tell, or to a user without the digest', async () => {
    const at = eightLocal();
    const today = todayIn(zone, at);
    const ja = await digestUser('ja');
    const idle = await digestUser('en');
    const off = await createUser('csm');
    await (await getDb()).update(users).set({ timeZone: zone }).where(eq(users.id, off.id));
    const account = await createAccount({ ownerId: ja.id, name: '山田商事' });
    await (await getDb()).insert(tasks).values([
      { accountId: account.id, ownerId: ja.id, createdBy: ja.id, title: '利用状況の確認', dueOn: today },
      { accountId: account.id, ownerId: off.id, createdBy: off.id, title: 'Not asked for', dueOn: today },
    ]);
    await sendDigests(at);
    const text = mailText(mailsTo(ja.email)[0]!.raw);
    expect(text).toContain('今日が期限のタスク 1件');
    expect(text).toContain('利用状況の確認 · 山田商事');
    expect(mailsTo(idle.email)).toHaveLength(0);
    // Claimed all the same: nothing is sent later that day either.
    expect((await digestSetting(await getDb(), idle.id))?.digestSentOn).toBe(today);
    expect(mailsTo(off.email)).toHaveLength(0);
  });

  it('leaves a digest the server refused unsent, so the next run sends it', async () => {
    const at = eightLocal();
    const today = todayIn(zone, at);
    const user = await digestUser('en');
    const yesterday = addDays(today, -1);
    await (await getDb()).update(users).set({ digestSentOn: yesterday }).where(eq(users.id, user.id));
    const account = await createAccount({ ownerId: user.id, name: 'Refused Co' });
    await (await getDb()).insert(tasks).values({ accountId: account.id, ownerId: user.id, createdBy: user.id, title: 'Renewal call', dueOn: today });
    refused.add(user.email.toLowerCase());
    try {
      expect((await sendDigests(at)).failed).toBeGreaterThanOrEqual(1);
      expect(mailsTo(user.email)).toHaveLength(0);
      // Not marked sent: the day of the last digest that did go out stays.
      expect((await digestSetting(await getDb(), user.id))?.digestSentOn).toBe(yesterday);
    } finally {
      refused.delete(user.email.toLowerCase());
    }
    await sendDigests(new Date(at.getTime() + 15 * minute));
    expect(mailsTo(user.email)).toHaveLength(1);
    expect(mailText(mailsTo(user.email)[0]!.raw)).toContain('Renewal call · Refused Co');
    expect((await digestSetting(await getDb(), user.id))?.digestSentOn).toBe(today);
  });

  it('sends nothing and claims nobody without SMTP', async () => {
    const user = await digestUser('en');
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      expect(await sendDigests(eightLocal())).toEqual({ sent: 0, empty: 0, failed: 0 });
    } finally {
      process.env.SMTP_URL = url;
    }
    expect((await digestSetting(await getDb(), user.id))?.digestSentOn).toBeNull();
  });
});
