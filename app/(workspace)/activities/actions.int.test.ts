import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { AccountRow } from '@/db/queries/accounts';
import { listActivityTypes } from '@/db/queries/playbooks';
import type { PublicUser } from '@/db/queries/users';
import { accounts, activities } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { cancelActivity, completeActivity, markNoShow, rescheduleActivity, scheduleActivity } from './actions';
import { scheduleSeries } from './series-actions';

type Caller = 'anonymous' | 'csm' | 'otherCsm' | 'manager' | 'admin';
let people: Record<Exclude<Caller, 'anonymous'>, PublicUser>;
let tier1: AccountRow;
let typeId: Record<string, number>;

beforeEach(async () => {
  people = { csm: await createUser('csm'), otherCsm: await createUser('csm'), manager: await createUser('manager'), admin: await createUser('admin') };
  tier1 = await createAccount({ ownerId: people.csm.id, arr: '8000000' }); // LTV 64,000,000: Tier 1
  typeId = Object.fromEntries((await listActivityTypes(await getDb())).map((t) => [t.key, t.id]));
});

const as = (c: Caller) => signInAs(c === 'anonymous' ? null : people[c]);
let day = 1;
// A different future day for each booking, so tests do not double-book one another.
const meeting = (overrides: Record<string, unknown> = {}) => ({
  accountId: tier1.id,
  activityTypeId: typeId.regular_meeting,
  date: `2027-0${1 + (day % 9)}-${String(1 + (day++ % 27)).padStart(2, '0')}`,
  time: '10:00',
  durationMinutes: 60,
  confirm: 'true',
  ...overrides,
});
const stored = async (id: number) => (await (await getDb()).select().from(activities).where(eq(activities.id, id)))[0]!;

describe('scheduleActivity', () => {
  it.each([
    ['anonymous', false],
    ['csm', true],
    ['otherCsm', false],
    ['manager', true],
    ['admin', true],
  ] as const)('as %s: %s', async (caller, allowed) => {
    await as(caller);
    const result = await scheduleActivity(null, meeting());
    expect(result.ok).toBe(allowed);
    expect((await lastAudit())?.action).toBe(allowed ? 'activity.schedule' : 'access.denied');
  });

  it('puts it on the account owner by default, at the wall-clock time in the planner\'s zone', async () => {
    await as('manager'); // no time zone of their own: the workspace's (Asia/Tokyo)
    const result = await scheduleActivity(null, meeting({ date: '2027-04-13', time: '10:00' }));
    const row = await stored(result.ok ? (result.data as { id: number }).id : 0);
    expect(row).toMatchObject({ ownerId: people.csm.id, timeZone: 'Asia/Tokyo', status: 'planned', durationMinutes: 60 });
    expect(row.startsAt.toISOString()).toBe('2027-04-13T01:00:00.000Z');
  });

  it('warns before booking in the past, double-booking, or outside the playbook; confirming books it', async () => {
    await as('csm');
    expect((await scheduleActivity(null, meeting({ date: '2027-06-08', time: '10:00' }))).ok).toBe(true);
    const clash = meeting({ date: '2027-06-08', time: '10:30', activityTypeId: typeId.executive_briefing, executiveSponsor: 'CEO 山田', confirm: '' });
    expect(await scheduleActivity(null, clash)).toEqual({
      ok: false,
      warnings: [{ key: 'activities.warnings.doubleBooked' }, { key: 'activities.warnings.notInPlaybook' }],
    });
    expect(await scheduleActivity(null, meeting({ date: '2020-01-01', confirm: '' }))).toEqual({ ok: false, warnings: [{ key: 'activities.warnings.past' }] });
    expect((await scheduleActivity(null, { ...clash, confirm: 'true' })).ok).toBe(true);
  });

  it('asks a QBR for an executive sponsor', async () => {
    await as('csm');
    const result = await scheduleActivity(null, meeting({ activityTypeId: typeId.qbr }));
    expect(!result.ok && result.fieldErrors?.executiveSponsor?.key).toBe('activities.sponsorRequired');
    expect((await scheduleActivity(null, meeting({ activityTypeId: typeId.qbr, executiveSponsor: '取締役 佐々木' }))).ok).toBe(true);
  });
});

describe('logging an activity', () => {
  const book = async () => {
    await as('csm');
    const r = await scheduleActivity(null, meeting());
    return stored(r.ok ? (r.data as { id: number }).id : 0);
  };

  it('the owner completes it with an outcome; another CSM cannot', async () => {
    const a = await book();
    await as('otherCsm');
    expect((await completeActivity(null, { id: a.id, version: a.version, outcome: 'x' })).ok).toBe(false);
    await as('csm');
    expect((await completeActivity(null, { id: a.id, version: a.version, outcome: '' })).ok).toBe(false);
    // It is booked in 2027: completing it now asks first, then moves it to now.
    const done = { id: a.id, version: a.version, outcome: 'Agreed on the rollout plan', nextSteps: 'Send the deck' };
    expect(await completeActivity(null, done)).toEqual({ ok: false, warnings: [{ key: 'activities.completeEarly' }] });
    expect((await stored(a.id)).status).toBe('planned');
    const before = Date.now();
    expect((await completeActivity(null, { ...done, confirm: 'true' })).ok).toBe(true);
    const row = await stored(a.id);
    expect(row).toMatchObject({ status: 'completed', outcome: 'Agreed on the rollout plan', nextSteps: 'Send the deck' });
    expect(row.startsAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.startsAt.getTime()).toBeLessThanOrEqual(Date.now());
    const [account] = await (await getDb()).select({ lastTouchAt: accounts.lastTouchAt }).from(accounts).where(eq(accounts.id, tier1.id));
    expect(account!.lastTouchAt!.getTime()).toBe(row.startsAt.getTime());
    expect(await completeActivity(null, { id: a.id, version: a.version + 1, outcome: 'again' })).toEqual({ ok: false, error: { key: 'activities.notPlanned' } });
  });

  it('a manager cancels with a reason or marks a no-show; stale versions are refused', async () => {
    const a = await book();
    const b = await book();
    await as('manager');
    expect((await cancelActivity(null, { id: a.id, version: a.version, reason: '' })).ok).toBe(false);
    expect((await cancelActivity(null, { id: a.id, version: a.version, reason: 'Customer asked to move to next month' })).ok).toBe(true);
    expect((await stored(a.id)).status).toBe('cancelled');
    expect(await markNoShow(null, { id: b.id, version: b.version + 5 })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect((await markNoShow(null, { id: b.id, version: b.version })).ok).toBe(true);
  });

  it('reschedules in the zone it was planned in, warning about a clash, and refuses another CSM', async () => {
    const a = await book();
    const b = await book();
    await as('otherCsm');
    expect((await rescheduleActivity(null, { id: a.id, version: a.version, date: '2027-10-05', time: '09:00', durationMinutes: 60 })).ok).toBe(false);
    await as('csm');
    const when = b.startsAt.toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }); // "YYYY-MM-DD HH:MM:SS"
    const onB = { id: a.id, version: a.version, date: when.slice(0, 10), time: when.slice(11, 16), durationMinutes: 30 };
    expect(await rescheduleActivity(null, onB)).toEqual({ ok: false, warnings: [{ key: 'activities.warnings.doubleBooked' }] });
    expect((await rescheduleActivity(null, { ...onB, date: '2027-10-05', time: '09:00' })).ok).toBe(true);
    const moved = await stored(a.id);
    expect(moved.startsAt.toISOString()).toBe('2027-10-05T00:00:00.000Z');
    expect(moved.durationMinutes).toBe(30);
  });
});

describe('internal attendees', () => {
  it('are stored when they are active users; others are refused beside the field', async () => {
    const gone = await createUser('manager', { active: false });
    await as('csm');
    const refused = await scheduleActivity(null, meeting({ internalAttendees: JSON.stringify([people.manager.id, gone.id]) }));
    expect(refused).toEqual({ ok: false, fieldErrors: { internalAttendees: { key: 'series.internalAttendees.unknown' } } });
    expect(!refused.ok && refused.fieldErrors?.internalAttendees).toBeTruthy();
    expect((await scheduleActivity(null, meeting({ internalAttendees: 'not json' }))).ok).toBe(false);
    const ok = await scheduleActivity(null, meeting({ internalAttendees: JSON.stringify([people.manager.id, people.admin.id, people.csm.id]) }));
    expect((await stored(ok.ok ? (ok.data as { id: number }).id : 0)).internalAttendees).toEqual([people.manager.id, people.admin.id]);
  });
});

describe('rescheduling', () => {
  const tokyoWall = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' });
  const touch = async () => (await (await getDb()).select({ at: accounts.nextTouchAt }).from(accounts).where(eq(accounts.id, tier1.id)))[0]!.at;

  it.each([
    ['anonymous', false],
    ['csm', true],
    ['otherCsm', false],
    ['manager', true],
    ['admin', true],
  ] as const)('as %s: %s', async (caller, allowed) => {
    await as('csm');
    const r = await scheduleActivity(null, meeting({ date: '2027-09-14' }));
    const a = await stored(r.ok ? (r.data as { id: number }).id : 0);
    await as(caller);
    const result = await rescheduleActivity(null, { id: a.id, version: a.version, date: '2027-09-15', time: '11:00', durationMinutes: 45, confirm: 'true' });
    expect(result.ok).toBe(allowed);
    expect((await lastAudit())?.action).toBe(allowed ? 'activity.reschedule' : 'access.denied');
    expect(tokyoWall((await stored(a.id)).startsAt)).toBe(allowed ? '2027-09-15 11:00:00' : '2027-09-14 10:00:00');
  });

  it('sets the executive sponsor of a QBR planned without one', async () => {
    await as('csm');
    const r = await scheduleActivity(null, meeting({ activityTypeId: typeId.qbr, executiveSponsor: 'x', date: '2027-03-02' }));
    const a = await stored(r.ok ? (r.data as { id: number }).id : 0);
    const moved = await rescheduleActivity(null, { id: a.id, version: a.version, date: '2027-03-02', time: '10:00', durationMinutes: 60, executiveSponsor: '取締役 佐々木', confirm: 'true' });
    expect(moved.ok).toBe(true);
    expect((await stored(a.id)).executiveSponsor).toBe('取締役 佐々木');
  });

  it('changes place and agenda when sent, keeps them when not, and next touch follows', async () => {
    await as('csm');
    const r = await scheduleActivity(null, meeting({ date: '2027-02-02', location: 'Room A', agenda: 'Roadmap' }));
    const a = await stored(r.ok ? (r.data as { id: number }).id : 0);
    expect(await touch()).toEqual(a.startsAt);
    expect((await rescheduleActivity(null, { id: a.id, version: a.version, date: '2027-02-03', time: '09:00', durationMinutes: 60 })).ok).toBe(true);
    expect(await stored(a.id)).toMatchObject({ location: 'Room A', agenda: 'Roadmap', seriesDetached: false });
    expect((await touch())?.toISOString()).toBe('2027-02-03T00:00:00.000Z');
    expect((await rescheduleActivity(null, { id: a.id, version: a.version + 1, date: '2027-02-03', time: '09:00', durationMinutes: 60, location: '', agenda: 'Renewal' })).ok).toBe(true);
    expect(await stored(a.id)).toMatchObject({ location: null, agenda: 'Renewal' });
    expect(await rescheduleActivity(null, { id: a.id, version: a.version, date: '2027-02-04', time: '09:00', durationMinutes: 60 })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
  });

  it('an occurrence edited on its own leaves its series (detached), keeping its series date', async () => {
    await as('csm');
    const s = await scheduleSeries(null, { ...meeting({ date: '2027-01-12' }), repeat: 'monthlyNth', interval: 1, until: '2027-03-31' });
    const [first] = await (await getDb()).select().from(activities).where(eq(activities.seriesId, s.ok ? s.data.seriesId : 0)).orderBy(activities.seriesDate);
    expect((await rescheduleActivity(null, { id: first!.id, version: first!.version, date: '2027-01-14', time: '15:00', durationMinutes: 60, agenda: 'Special topic' })).ok).toBe(true);
    expect(await stored(first!.id)).toMatchObject({ seriesDetached: true, seriesDate: '2027-01-12', agenda: 'Special topic' });
  });
});

describe('completing offers the next one at the playbook interval', () => {
  const bookQbr = async (overrides: Record<string, unknown> = {}) => {
    const r = await scheduleActivity(
      null,
      meeting({
        activityTypeId: typeId.qbr,
        executiveSponsor: '取締役 佐々木',
        date: '2026-11-10',
        time: '14:00',
        durationMinutes: 90,
        location: 'Customer HQ',
        customerAttendees: JSON.stringify([{ name: '佐々木', role: 'CFO' }]),
        internalAttendees: JSON.stringify([people.manager.id]),
        ...overrides,
      }),
    );
    return stored(r.ok ? (r.data as { id: number }).id : 0);
  };

  it('offers the next QBR a quarter later at the same time, with the same people and place', async () => {
    await as('csm');
    const qbr = await bookQbr();
    const result = await completeActivity(null, { id: qbr.id, version: qbr.version, outcome: 'Renewal agreed' });
    expect(result).toEqual({
      ok: true,
      data: {
        offer: {
          accountId: tier1.id,
          activityTypeId: typeId.qbr,
          ownerId: people.csm.id,
          date: '2027-02-10',
          time: '14:00',
          durationMinutes: 90,
          location: 'Customer HQ',
          executiveSponsor: '取締役 佐々木',
          customerAttendees: [{ name: '佐々木', role: 'CFO' }],
          internalAttendees: [people.manager.id],
          cadence: { every: 3, unit: 'month' },
        },
      },
    });
    // Booking it from the offer goes through the ordinary schedule action.
    const offer = result.ok ? result.data.offer! : undefined;
    const next = await scheduleActivity(null, {
      ...offer,
      customerAttendees: JSON.stringify(offer!.customerAttendees),
      internalAttendees: JSON.stringify(offer!.internalAttendees),
      confirm: '',
    });
    expect(next.ok).toBe(true);
    const booked = await stored(next.ok ? (next.data as { id: number }).id : 0);
    expect(booked).toMatchObject({ activityTypeId: typeId.qbr, executiveSponsor: '取締役 佐々木', internalAttendees: [people.manager.id], status: 'planned' });
    expect(booked.startsAt.toISOString()).toBe('2027-02-10T05:00:00.000Z');
  });

  it('never offers a weekend or a public holiday: the next working day, saying why', async () => {
    await as('csm');
    // Friday 2026-10-16 + a quarter = Saturday 2027-01-16 → Monday the 18th.
    const onFriday = await bookQbr({ date: '2026-10-16' });
    const r1 = await completeActivity(null, { id: onFriday.id, version: onFriday.version, outcome: 'ok' });
    expect(r1.ok && r1.data.offer).toMatchObject({ date: '2027-01-18', time: '14:00', moved: { from: '2027-01-16', reason: { kind: 'weekend' } } });
    // 2026-08-03 + a quarter = 2026-11-03, Culture Day in Japan (the workspace's zone is Tokyo) → the 4th.
    const beforeHoliday = await bookQbr({ date: '2026-08-03' });
    const r2 = await completeActivity(null, { id: beforeHoliday.id, version: beforeHoliday.version, outcome: 'ok' });
    expect(r2.ok && r2.data.offer).toMatchObject({ date: '2026-11-04', moved: { from: '2026-11-03', reason: { kind: 'holiday', name: 'Culture Day' } } });
  });

  it('says when the next one is already booked, and offers nothing for a type outside the playbook', async () => {
    await as('csm');
    const qbr = await bookQbr();
    const later = await bookQbr({ date: '2027-02-16' });
    expect(await completeActivity(null, { id: qbr.id, version: qbr.version, outcome: 'ok' })).toEqual({ ok: true, data: { nextBookedAt: later.startsAt } });
    const briefing = await bookQbr({ activityTypeId: typeId.executive_briefing, date: '2026-11-11' });
    expect(await completeActivity(null, { id: briefing.id, version: briefing.version, outcome: 'ok' })).toEqual({ ok: true, data: {} });
  });

  it('no offer for a CSM who ran it on a colleague\'s account, since they could not book there', async () => {
    await as('manager');
    const qbr = await bookQbr({ ownerId: people.otherCsm.id, confirm: 'true' });
    await as('otherCsm');
    expect(await completeActivity(null, { id: qbr.id, version: qbr.version, outcome: 'ok' })).toEqual({ ok: true, data: {} });
  });

  it('a Tier 3 account has no QBR in its playbook, so no offer', async () => {
    const small = await createAccount({ ownerId: people.csm.id, arr: '100000' });
    await as('manager');
    const qbr = await bookQbr({ accountId: small.id });
    expect(await completeActivity(null, { id: qbr.id, version: qbr.version, outcome: 'ok' })).toEqual({ ok: true, data: {} });
  });
});
