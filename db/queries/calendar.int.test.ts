import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { AccountRow } from '@/db/queries/accounts';
import { insertActivities, type NewActivity } from '@/db/queries/activities';
import { listActivityTypes } from '@/db/queries/playbooks';
import type { PublicUser } from '@/db/queries/users';
import { rangeInstants, visibleRange } from '@/lib/calendar/range';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { calendarActivities, dueSoonActivities, overdueActivities, ownsAnyActivity, teamWeekSummary, upcomingActivities } from './calendar';

let csm: PublicUser;
let other: PublicUser;
let tier1: AccountRow;
let tier3: AccountRow;
let typeId: number;

beforeEach(async () => {
  csm = await createUser('csm');
  other = await createUser('csm');
  tier1 = await createAccount({ ownerId: csm.id, arr: '8000000' });
  tier3 = await createAccount({ ownerId: csm.id, arr: '400000', growthPotential: 'low', churnRisk: 'low' });
  expect([tier1.tier, tier3.tier]).toEqual([1, 3]);
  typeId = (await listActivityTypes(await getDb())).find((t) => t.key === 'regular_meeting')!.id;
});

/** Inserts activities through the one write path; returns their ids in order. */
async function seed(rows: { at: string; owner?: PublicUser; account?: AccountRow; status?: NewActivity['status']; minutes?: number }[]) {
  return insertActivities(
    await getDb(),
    rows.map((r) => ({
      accountId: (r.account ?? tier1).id,
      activityTypeId: typeId,
      ownerId: (r.owner ?? csm).id,
      status: r.status ?? 'planned',
      startsAt: new Date(r.at),
      durationMinutes: r.minutes ?? 60,
      timeZone: 'Asia/Tokyo',
    })),
  );
}

describe('calendarActivities', () => {
  it('returns [from, to): the first instant in, the end out', async () => {
    // The Tokyo week of Mon 2031-03-03: 2031-03-02T15:00Z to 2031-03-09T15:00Z.
    const { from, to } = rangeInstants(visibleRange('week', '2031-03-05'), 'Asia/Tokyo');
    const [before, first, last, after] = await seed([
      { at: '2031-03-02T14:59:59Z' },
      { at: '2031-03-02T15:00:00Z' },
      { at: '2031-03-09T14:59:00Z' },
      { at: '2031-03-09T15:00:00Z' },
    ]);
    const rows = await calendarActivities(await getDb(), { ownerIds: [csm.id], from, to });
    expect(rows.map((r) => r.id)).toEqual([first, last]);
    expect([before, after].some((id) => rows.some((r) => r.id === id))).toBe(false);
    expect(rows[0]).toMatchObject({ accountId: tier1.id, accountName: tier1.name, tier: 1, ownerName: csm.name, typeKey: 'regular_meeting', status: 'planned' });
  });

  it('with attendeeId, also the activities the user joins as a colleague; not others\'', async () => {
    const { from, to } = rangeInstants(visibleRange('week', '2031-05-07'), 'Asia/Tokyo');
    const db = await getDb();
    const [mine] = await seed([{ at: '2031-05-06T01:00:00Z' }]);
    const [joined, notJoined] = await insertActivities(db, [
      { accountId: tier1.id, activityTypeId: typeId, ownerId: other.id, startsAt: new Date('2031-05-07T01:00:00Z'), durationMinutes: 60, timeZone: 'Asia/Tokyo', internalAttendees: [csm.id] },
      { accountId: tier1.id, activityTypeId: typeId, ownerId: other.id, startsAt: new Date('2031-05-08T01:00:00Z'), durationMinutes: 60, timeZone: 'Asia/Tokyo', internalAttendees: [] },
    ]);
    const ids = async (attendeeId?: number) => (await calendarActivities(db, { ownerIds: [csm.id], attendeeId, from, to })).map((r) => r.id);
    expect(await ids(csm.id)).toEqual([mine, joined]);
    expect(await ids()).toEqual([mine]);
    expect(notJoined).toBeGreaterThan(0);
  });

  it('filters by CSM and by tier, and shows every status', async () => {
    const { from, to } = rangeInstants(visibleRange('week', '2031-04-09'), 'Asia/Tokyo');
    const [mine, mineDone, theirs, small] = await seed([
      { at: '2031-04-07T01:00:00Z' },
      { at: '2031-04-08T01:00:00Z', status: 'completed' },
      { at: '2031-04-08T02:00:00Z', owner: other },
      { at: '2031-04-09T01:00:00Z', account: tier3, status: 'cancelled' },
    ]);
    const db = await getDb();
    expect((await calendarActivities(db, { ownerIds: [csm.id], from, to })).map((r) => r.id)).toEqual([mine, mineDone, small]);
    expect((await calendarActivities(db, { ownerIds: [other.id], from, to })).map((r) => r.id)).toEqual([theirs]);
    expect((await calendarActivities(db, { ownerIds: [csm.id, other.id], tier: 1, from, to })).map((r) => r.id)).toEqual([mine, mineDone, theirs]);
    expect((await calendarActivities(db, { ownerIds: [csm.id], tier: 3, from, to })).map((r) => r.id)).toEqual([small]);
    // The team (no CSM chosen) sees them all.
    const team = (await calendarActivities(db, { from, to })).map((r) => r.id);
    expect(team).toEqual(expect.arrayContaining([mine, mineDone, theirs, small]));
  });

  it('keeps the first few of each of the user\'s days and counts the rest', async () => {
    const range = visibleRange('week', '2031-05-07');
    const { from, to, dayStarts } = rangeInstants(range, 'Asia/Tokyo');
    // Tuesday 2031-05-06 in Tokyo: four activities, one of them at 23:30 Tokyo (14:30Z);
    // 15:30Z is already Wednesday in Tokyo.
    const ids = await seed([
      { at: '2031-05-06T00:00:00Z' },
      { at: '2031-05-06T01:00:00Z' },
      { at: '2031-05-06T02:00:00Z' },
      { at: '2031-05-06T14:30:00Z' },
      { at: '2031-05-06T15:30:00Z' },
    ]);
    const rows = await calendarActivities(await getDb(), { ownerIds: [csm.id], from, to, perDay: { dayStarts, limit: 3 } });
    expect(rows.map((r) => [r.id, r.dayTotal])).toEqual([
      [ids[0], 4],
      [ids[1], 4],
      [ids[2], 4],
      [ids[4], 1],
    ]);
  });
});

describe('overdueActivities', () => {
  it('is planned activities already started, oldest first, never completed, cancelled or no-shows', async () => {
    const now = new Date('2031-06-10T00:00:00Z');
    const [old, recent] = await seed([
      { at: '2031-06-01T01:00:00Z' },
      { at: '2031-06-09T23:00:00Z' },
      { at: '2031-06-02T01:00:00Z', status: 'completed' },
      { at: '2031-06-03T01:00:00Z', status: 'cancelled' },
      { at: '2031-06-04T01:00:00Z', status: 'no_show' },
      { at: '2031-06-10T00:00:00Z' }, // starts right now: not overdue yet
    ]);
    const page = await overdueActivities(await getDb(), { ownerIds: [csm.id], now, limit: 10 });
    expect(page.rows.map((r) => r.id)).toEqual([old, recent]);
    expect(page.total).toBe(2);
  });

  it('pages with a total, and filters by CSM and tier', async () => {
    const now = new Date('2031-07-01T00:00:00Z');
    const ids = await seed([
      { at: '2031-06-20T01:00:00Z' },
      { at: '2031-06-21T01:00:00Z', account: tier3 },
      { at: '2031-06-22T01:00:00Z', owner: other },
      { at: '2031-06-23T01:00:00Z' },
    ]);
    const db = await getDb();
    const both = [csm.id, other.id];
    const second = await overdueActivities(db, { ownerIds: both, now, limit: 2, offset: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([ids[2], ids[3]]);
    expect(second.total).toBe(4);
    expect(second.rows[0]).toMatchObject({ ownerName: other.name, accountName: tier1.name });
    const tier3Only = await overdueActivities(db, { ownerIds: both, tier: 3, now, limit: 10 });
    expect([tier3Only.rows.map((r) => r.id), tier3Only.total]).toEqual([[ids[1]], 1]);
    const otherOnly = await overdueActivities(db, { ownerIds: [other.id], now, limit: 10 });
    expect([otherOnly.rows.map((r) => r.id), otherOnly.total]).toEqual([[ids[2]], 1]);
  });

  it('for the whole team, counts every CSM', async () => {
    // Earlier than anything else in this file, so "now" sees only these.
    const now = new Date('1981-01-01T00:00:00Z');
    const ids = await seed([{ at: '1980-05-01T01:00:00Z' }, { at: '1980-06-01T01:00:00Z', owner: other }, { at: '1980-07-01T01:00:00Z', status: 'completed' }]);
    const page = await overdueActivities(await getDb(), { now, limit: 50 });
    expect(page.rows.map((r) => r.id)).toEqual([ids[0], ids[1]]);
    expect(page.total).toBe(2);
  });
});

describe('dueSoonActivities', () => {
  it('is planned activities from now until the end of the window', async () => {
    const now = new Date('2031-08-01T03:00:00Z');
    const until = new Date('2031-08-08T15:00:00Z');
    const ids = await seed([
      { at: '2031-08-01T02:59:00Z' }, // overdue, not due soon
      { at: '2031-08-01T03:00:00Z' },
      { at: '2031-08-05T01:00:00Z', status: 'cancelled' },
      { at: '2031-08-08T14:59:00Z' },
      { at: '2031-08-08T15:00:00Z' },
    ]);
    const page = await dueSoonActivities(await getDb(), { ownerIds: [csm.id], now, until, limit: 1 });
    expect(page.rows.map((r) => r.id)).toEqual([ids[1]]);
    expect(page.total).toBe(2);
  });

  it('upcoming is every planned activity from now on, soonest first', async () => {
    const now = new Date('2031-08-01T03:00:00Z');
    const ids = await seed([{ at: '2032-01-01T01:00:00Z', owner: other }, { at: '2031-08-01T02:00:00Z', owner: other }, { at: '2031-09-01T01:00:00Z', owner: other }]);
    const page = await upcomingActivities(await getDb(), { ownerIds: [other.id], now, limit: 1 });
    expect(page.rows.map((r) => r.id)).toEqual([ids[2]]);
    expect(page.total).toBe(2);
  });
});

describe('teamWeekSummary', () => {
  it('per CSM: hours booked in the week (planned and completed) and overdue count, by tier if asked', async () => {
    const { from, to } = rangeInstants(visibleRange('week', '2031-09-10'), 'Asia/Tokyo');
    const now = new Date('2031-09-10T00:00:00Z');
    await seed([
      { at: '2031-09-08T01:00:00Z', minutes: 90, status: 'completed' },
      { at: '2031-09-09T01:00:00Z', minutes: 60 }, // overdue
      { at: '2031-09-11T01:00:00Z', minutes: 30, account: tier3 },
      { at: '2031-09-12T01:00:00Z', minutes: 120, status: 'cancelled' },
      { at: '2031-09-15T01:00:00Z', minutes: 45 }, // next week
    ]);
    const db = await getDb();
    const rows = await teamWeekSummary(db, { ownerIds: [csm.id, other.id], from, to, now });
    expect(rows.find((r) => r.id === csm.id)).toMatchObject({ name: csm.name, capacityHours: 110, bookedMinutes: 180, overdue: 1 });
    expect(rows.find((r) => r.id === other.id)).toMatchObject({ bookedMinutes: 0, overdue: 0 });
    const tier3Rows = await teamWeekSummary(db, { ownerIds: [csm.id], tier: 3, from, to, now });
    expect(tier3Rows).toEqual([expect.objectContaining({ id: csm.id, bookedMinutes: 30, overdue: 0 })]);
    // Without a CSM filter it lists every active CSM, managers excluded.
    const manager = await createUser('manager');
    const all = await teamWeekSummary(db, { from, to, now });
    expect(all.map((r) => r.id)).toEqual(expect.arrayContaining([csm.id, other.id]));
    expect(all.some((r) => r.id === manager.id)).toBe(false);
  });
});

describe('ownsAnyActivity', () => {
  it('is whether the user runs any activity', async () => {
    const db = await getDb();
    expect(await ownsAnyActivity(db, other.id)).toBe(false);
    await seed([{ at: '2031-10-01T01:00:00Z', owner: other }]);
    expect(await ownsAnyActivity(db, other.id)).toBe(true);
  });
});
