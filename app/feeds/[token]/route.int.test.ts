import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCalendarFeed, revokeCalendarFeed } from '@/app/(workspace)/settings/calendar-feed/actions';
import { getDb } from '@/db/client';
import { insertActivity, updateActivity, type NewActivity } from '@/db/queries/activities';
import { listActivityTypes } from '@/db/queries/playbooks';
import { findUser, updateUser, type PublicUser } from '@/db/queries/users';
import { calendarFeeds } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { offsetTransitions } from '@/lib/ics/vtimezone';
import { addDays } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { GET } from './route';

let csm: PublicUser;
let otherCsm: PublicUser;
let accountId: number;
let typeId: Record<string, number>;

beforeEach(async () => {
  csm = await createUser('csm', { name: '田中 美咲' });
  otherCsm = await createUser('csm');
  accountId = (await createAccount({ name: 'Acme Corp', ownerId: csm.id, arr: '8000000' })).id;
  typeId = Object.fromEntries((await listActivityTypes(await getDb())).map((t) => [t.key, t.id]));
});

const DAY = 86_400_000;
/** 10:00 (or `time`) in `zone`, `days` from today there. */
const daysFromNow = (days: number, zone = 'Asia/Tokyo', time = '10:00') => zonedToUtc(addDays(todayIn(zone), days), time, zone);

async function book(values: Partial<NewActivity> & { startsAt: Date }) {
  return insertActivity(await getDb(), {
    accountId,
    activityTypeId: typeId.qbr!,
    ownerId: csm.id,
    durationMinutes: 60,
    timeZone: 'Asia/Tokyo',
    executiveSponsor: 'CFO Sasaki',
    ...values,
  });
}

async function feedFor(user: PublicUser) {
  await signInAs(user);
  const result = await createCalendarFeed(null, { confirm: 'true' });
  if (!result.ok) throw new Error(JSON.stringify(result));
  await signInAs(null); // calendar servers have no session
  return result.data.url;
}

async function fetchFeed(url: string, headers: Record<string, string> = {}) {
  const segment = new URL(url).pathname.split('/').pop()!;
  const response = await GET(new Request(url, { headers }), { params: Promise.resolve({ token: segment }) });
  return { response, body: await response.text() };
}

function parse(body: string) {
  const root = new ICAL.Component(ICAL.parse(body));
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { root, events, byUid: (id: number) => events.find((e) => e.uid === `activity-${id}@localhost`) };
}

describe('GET /feeds/<token>.ics', () => {
  it("serves the owner's activities in the window, and those they join as iCalendar, with the right times, and nobody else's", async () => {
    const planned = await book({ startsAt: daysFromNow(7), location: '東京本社, 会議室A', agenda: '利用状況の確認\n更新条件' });
    const completed = await book({ startsAt: daysFromNow(-10), status: 'completed', outcome: 'ok' });
    const noShow = await book({ startsAt: daysFromNow(-20), status: 'no_show' });
    const cancelledLately = await book({ startsAt: daysFromNow(14), status: 'cancelled', cancelReason: 'Moved' });
    const cancelledLongAgo = await book({ startsAt: daysFromNow(-60), status: 'cancelled' });
    await (await getDb()).execute(sql`update activities set updated_at = now() - interval '40 days' where id = ${cancelledLongAgo}`);
    const tooOld = await book({ startsAt: daysFromNow(-100) });
    const tooFar = await book({ startsAt: daysFromNow(400) });
    const someoneElses = await book({ startsAt: daysFromNow(8), ownerId: otherCsm.id });
    const joined = await book({ startsAt: daysFromNow(9), ownerId: otherCsm.id, internalAttendees: [csm.id] });

    const { response, body } = await fetchFeed(await feedFor(csm));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const { root, events, byUid } = parse(body);
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('x-wr-calname')).toMatch(/ · 田中 美咲$/);
    expect(events.map((e) => e.uid).sort()).toEqual([planned, completed, noShow, cancelledLately, joined].map((id) => `activity-${id}@localhost`).sort());
    for (const id of [cancelledLongAgo, tooOld, tooFar, someoneElses]) expect(byUid(id)).toBeUndefined();

    const p = byUid(planned)!;
    expect(p.startDate.toJSDate().toISOString()).toBe(daysFromNow(7).toISOString());
    expect(p.startDate.zone?.tzid).toBe('Asia/Tokyo');
    expect(p.startDate.hour).toBe(10);
    expect(p.endDate.toJSDate().getTime() - p.startDate.toJSDate().getTime()).toBe(3_600_000);
    expect(p.summary).toBe('QBR · Acme Corp');
    expect(p.location).toBe('東京本社, 会議室A');
    expect(p.description).toContain('Agenda:\n利用状況の確認\n更新条件');
    expect(p.description).toContain(`http://localhost:3000/accounts/${accountId}`);
    expect(p.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byUid(completed)!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byUid(cancelledLately)!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('keeps 10:00 New York time on both sides of the next DST changes', async () => {
    const zone = 'America/New_York';
    const changes = offsetTransitions(zone, new Date(), new Date(Date.now() + 360 * DAY));
    expect(changes).toHaveLength(2); // one in March, one in November, always within a year
    const booked: { id: number; at: Date }[] = [];
    for (const change of changes) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(change.at);
      for (const d of [-1, 1]) {
        const at = zonedToUtc(addDays(day, d), '10:00', zone);
        booked.push({ id: await book({ startsAt: at, timeZone: zone }), at });
      }
    }
    const { byUid } = parse((await fetchFeed(await feedFor(csm))).body);
    for (const { id, at } of booked) {
      const e = byUid(id)!;
      expect(e.startDate.toJSDate().toISOString()).toBe(at.toISOString());
      expect([e.startDate.zone?.tzid, e.startDate.hour]).toEqual([zone, 10]);
    }
    // Before and after each change the UTC hour differs by one: the test really spans them.
    expect(new Set(booked.map((b) => b.at.getUTCHours())).size).toBe(2);
  });

  it('reads in the user’s language', async () => {
    await updateUser(await getDb(), csm.id, (await findUser(await getDb(), csm.id))!.version, { locale: 'ja' });
    const id = await book({ startsAt: daysFromNow(3), activityTypeId: typeId.regular_meeting! });
    const e = parse((await fetchFeed(await feedFor(csm))).body).byUid(id)!;
    expect(e.summary).toBe('定例ミーティング · Acme Corp');
    expect(e.description).toContain('担当 CSM：田中 美咲');
  });

  it('answers 404, the same way, for a revoked, replaced, unknown or malformed address, or a deactivated user', async () => {
    await book({ startsAt: daysFromNow(3) });
    const first = await feedFor(csm);
    expect((await fetchFeed(first)).response.status).toBe(200);
    const second = await feedFor(csm); // replaces the first
    const unknown = `http://localhost:3000/feeds/${'A'.repeat(43)}.ics`;
    const results = [await fetchFeed(first), await fetchFeed(unknown), await fetchFeed('http://localhost:3000/feeds/not-a-token.ics')];
    for (const r of results) expect([r.response.status, r.body]).toEqual([404, 'This calendar address does not exist or was turned off.\n']);
    expect((await fetchFeed(second)).response.status).toBe(200);

    await signInAs(csm);
    expect((await revokeCalendarFeed(null, {})).ok).toBe(true);
    expect(await fetchFeed(second)).toMatchObject({ response: { status: 404 }, body: 'This calendar address does not exist or was turned off.\n' });

    const third = await feedFor(csm);
    expect((await fetchFeed(third)).response.status).toBe(200);
    const db = await getDb();
    await updateUser(db, csm.id, (await findUser(db, csm.id))!.version, { active: false });
    expect(await fetchFeed(third)).toMatchObject({ response: { status: 404 }, body: 'This calendar address does not exist or was turned off.\n' });
  });

  it('records when it was last fetched, at most once an hour', async () => {
    const url = await feedFor(csm);
    const db = await getDb();
    const lastUsed = async () => (await db.select({ at: calendarFeeds.lastUsedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, csm.id)))[0]!.at;
    expect(await lastUsed()).toBeNull();
    await fetchFeed(url);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await db.execute(sql`update calendar_feeds set last_used_at = now() - interval '30 minutes' where user_id = ${csm.id}`);
    const recent = await lastUsed();
    await fetchFeed(url);
    expect(await lastUsed()).toEqual(recent);
    await db.execute(sql`update calendar_feeds set last_used_at = now() - interval '2 hours' where user_id = ${csm.id}`);
    const old = await lastUsed();
    await fetchFeed(url);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(old!.getTime() + 3_600_000);
  });

  it('gives an unchanged calendar the same ETag and answers 304 to it; a change makes a new one', async () => {
    const id = await book({ startsAt: daysFromNow(5) });
    const url = await feedFor(csm);
    const a = await fetchFeed(url);
    const etag = a.response.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const b = await fetchFeed(url, { 'if-none-match': etag });
    expect([b.response.status, b.body]).toEqual([304, '']);
    expect(await updateActivity(await getDb(), id, 1, { location: 'Osaka' })).toBe(true);
    const c = await fetchFeed(url, { 'if-none-match': etag });
    expect(c.response.status).toBe(200);
    expect(parse(c.body).byUid(id)!.component.getFirstPropertyValue('sequence')).toBe(1);
  });
});
