import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { AccountRow } from '@/db/queries/accounts';
import { listActivityTypes } from '@/db/queries/playbooks';
import { updateUser, type PublicUser } from '@/db/queries/users';
import { accounts, activities, activitySeries } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { auditRows, lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { rescheduleActivity, scheduleActivity } from './actions';
import { cancelSeriesRest, editSeries, scheduleSeries } from './series-actions';

type Caller = 'anonymous' | 'csm' | 'otherCsm' | 'manager' | 'admin';
let people: Record<Exclude<Caller, 'anonymous'>, PublicUser>;
let tier1: AccountRow;
let typeId: Record<string, number>;

beforeEach(async () => {
  people = { csm: await createUser('csm'), otherCsm: await createUser('csm'), manager: await createUser('manager'), admin: await createUser('admin') };
  tier1 = await createAccount({ ownerId: people.csm.id, arr: '8000000' }); // Tier 1
  typeId = Object.fromEntries((await listActivityTypes(await getDb())).map((t) => [t.key, t.id]));
});

const as = (c: Caller) => signInAs(c === 'anonymous' ? null : people[c]);
const db = () => getDb();

// Monthly on the second Tuesday at 10:00 (Tokyo), January to June 2027.
const monthly = (overrides: Record<string, unknown> = {}) => ({
  accountId: tier1.id,
  activityTypeId: typeId.regular_meeting,
  date: '2027-01-12',
  time: '10:00',
  durationMinutes: 60,
  repeat: 'monthlyNth',
  interval: 1,
  weekday: 2,
  nth: 2,
  until: '2027-06-30',
  confirm: 'true',
  ...overrides,
});

async function occurrencesOf(seriesId: number) {
  return (await db()).select().from(activities).where(eq(activities.seriesId, seriesId)).orderBy(asc(activities.seriesDate));
}
async function seriesRow(id: number) {
  return (await (await db()).select().from(activitySeries).where(eq(activitySeries.id, id)))[0]!;
}
async function nextTouch(accountId = tier1.id) {
  return (await (await db()).select({ at: accounts.nextTouchAt }).from(accounts).where(eq(accounts.id, accountId)))[0]!.at;
}
async function book(caller: Caller = 'csm', overrides: Record<string, unknown> = {}) {
  await as(caller);
  const result = await scheduleSeries(null, monthly(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.seriesId;
}
const tokyo = (iso: string) => new Date(`${iso}+09:00`).toISOString();

describe('scheduleSeries', () => {
  it.each([
    ['anonymous', false],
    ['csm', true],
    ['otherCsm', false],
    ['manager', true],
    ['admin', true],
  ] as const)('as %s: %s', async (caller, allowed) => {
    await as(caller);
    const result = await scheduleSeries(null, monthly());
    expect(result.ok).toBe(allowed);
    expect((await lastAudit())?.action).toBe(allowed ? 'series.schedule' : 'access.denied');
    if (!allowed) expect(await (await db()).select().from(activitySeries).where(eq(activitySeries.accountId, tier1.id))).toEqual([]);
  });

  it('stores the rule and creates every occurrence at 10:00 local, on the account owner; next touch follows', async () => {
    await as('manager');
    const result = await scheduleSeries(null, monthly({ location: 'Zoom', agenda: '定例', internalAttendees: JSON.stringify([people.otherCsm.id]) }));
    expect(result).toEqual({ ok: true, data: { seriesId: expect.any(Number), count: 6 } });
    const id = result.ok ? result.data.seriesId : 0;
    expect(await seriesRow(id)).toMatchObject({
      recurrence: { freq: 'monthlyNth', interval: 1, weekday: 2, nth: 2 },
      startDate: '2027-01-12',
      untilDate: '2027-06-30',
      time: '10:00',
      timeZone: 'Asia/Tokyo',
      ownerId: people.csm.id,
      internalAttendees: [people.otherCsm.id],
      version: 1,
    });
    const rows = await occurrencesOf(id);
    expect(rows.map((r) => [r.seriesDate, r.startsAt.toISOString()])).toEqual(
      ['2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13', '2027-05-11', '2027-06-08'].map((d) => [d, tokyo(`${d}T10:00:00`)]),
    );
    expect(rows.every((r) => r.ownerId === people.csm.id && r.location === 'Zoom' && r.status === 'planned' && !r.seriesDetached)).toBe(true);
    expect(rows[0]!.internalAttendees).toEqual([people.otherCsm.id]);
    expect((await nextTouch())?.toISOString()).toBe(tokyo('2027-01-12T10:00:00'));
  });

  it('keeps the wall-clock time across DST for a planner in New York', async () => {
    await updateUser(await db(), people.csm.id, people.csm.version, { timeZone: 'America/New_York' });
    const id = await book('csm', { repeat: 'weekly', weekday: 2, date: '2027-03-02', until: '2027-03-16' });
    expect((await occurrencesOf(id)).map((r) => r.startsAt.toISOString())).toEqual(['2027-03-02T15:00:00.000Z', '2027-03-09T15:00:00.000Z', '2027-03-16T14:00:00.000Z']);
  });

  it('warns once for the whole series: past dates, clashes and a type outside the playbook', async () => {
    await as('csm');
    expect((await scheduleActivity(null, { accountId: tier1.id, activityTypeId: typeId.regular_meeting, date: '2027-03-09', time: '10:30', durationMinutes: 30, confirm: 'true' })).ok).toBe(true);
    const clash = monthly({ confirm: '', date: '2026-10-01', activityTypeId: typeId.executive_briefing, executiveSponsor: 'CEO' });
    expect(await scheduleSeries(null, clash)).toEqual({
      ok: false,
      warnings: [
        { key: 'series.warnings.past', values: { count: 2, dates: '2026-10-13, 2026-11-10' } },
        { key: 'series.warnings.doubleBooked', values: { count: 1, dates: '2027-03-09' } },
        { key: 'activities.warnings.notInPlaybook' },
      ],
    });
    expect(await (await db()).select().from(activitySeries).where(eq(activitySeries.accountId, tier1.id))).toEqual([]);
    expect((await scheduleSeries(null, { ...clash, confirm: 'true' })).ok).toBe(true);
  });

  it('needs an end date on or after the start and at most two years ahead', async () => {
    await as('csm');
    const err = async (o: Record<string, unknown>) => {
      const r = await scheduleSeries(null, monthly(o));
      return r.ok ? undefined : r.fieldErrors;
    };
    expect(await err({ until: '' })).toMatchObject({ until: { key: 'validation.date' } });
    expect(await err({ until: '2027-01-01' })).toEqual({ until: { key: 'series.untilBeforeStart' } });
    expect(await err({ until: '2029-01-13' })).toEqual({ until: { key: 'series.untilTooFar', values: { max: '2029-01-12' } } });
    expect(await err({ until: '2027-01-15', nth: 3 })).toEqual({ until: { key: 'series.noOccurrences' } });
    expect(await err({ repeat: 'daily' })).toMatchObject({ repeat: { key: 'validation.invalid' } });
    expect((await scheduleSeries(null, monthly({ until: '2029-01-12', repeat: 'weekly' }))).ok).toBe(true);
  });

  it('fills the rule from the start date when the form leaves fields out', async () => {
    const id = await book('csm', { date: '2027-02-26', weekday: undefined, nth: undefined, repeat: 'monthlyNth', until: '2027-04-30' }); // a fourth Friday
    expect((await seriesRow(id)).recurrence).toEqual({ freq: 'monthlyNth', interval: 1, weekday: 5, nth: 4 });
    expect((await occurrencesOf(id)).map((r) => r.seriesDate)).toEqual(['2027-02-26', '2027-03-26', '2027-04-23']);
  });

  it('refuses internal attendees who are not active users, and leaves out the owner', async () => {
    const gone = await createUser('csm', { active: false });
    await as('csm');
    const bad = await scheduleSeries(null, monthly({ internalAttendees: JSON.stringify([people.manager.id, gone.id]) }));
    expect(bad).toEqual({ ok: false, fieldErrors: { internalAttendees: { key: 'series.internalAttendees.unknown' } } });
    expect((await scheduleSeries(null, monthly({ internalAttendees: JSON.stringify([9_999_999]) }))).ok).toBe(false);
    const id = await book('csm', { internalAttendees: JSON.stringify([people.manager.id, people.csm.id]) });
    expect((await seriesRow(id)).internalAttendees).toEqual([people.manager.id]);
  });
});

describe('editSeries', () => {
  const edit = async (seriesId: number, overrides: Record<string, unknown> = {}) => {
    const s = await seriesRow(seriesId);
    const rule = s.recurrence as Record<string, number | string>;
    return editSeries(null, {
      id: seriesId,
      version: s.version,
      time: s.time,
      durationMinutes: s.durationMinutes,
      location: s.location ?? '',
      agenda: s.agenda ?? '',
      repeat: rule.freq,
      interval: rule.interval,
      weekday: rule.weekday,
      monthDay: rule.day,
      nth: rule.nth,
      until: s.untilDate,
      confirm: 'true',
      ...overrides,
    });
  };

  it.each([
    ['anonymous', false],
    ['csm', true],
    ['otherCsm', false],
    ['manager', true],
    ['admin', true],
  ] as const)('as %s: %s', async (caller, allowed) => {
    const id = await book('csm');
    await as(caller);
    const result = await edit(id, { time: '15:00' });
    expect(result.ok).toBe(allowed);
    expect((await lastAudit())?.action).toBe(allowed ? 'series.edit' : 'access.denied');
    const rows = await occurrencesOf(id);
    expect(rows[0]!.startsAt.toISOString()).toBe(tokyo(`2027-01-12T${allowed ? '15' : '10'}:00:00`));
  });

  it('a CSM edits a series they run on someone else\'s account, not one they neither run nor own', async () => {
    const other = await createAccount({ ownerId: people.otherCsm.id, arr: '8000000' });
    const id = await book('manager', { accountId: other.id, ownerId: people.csm.id });
    await as('csm');
    expect((await edit(id, { time: '11:00' })).ok).toBe(true);
    const third = await createUser('csm');
    await signInAs(third);
    expect(await edit(id, { time: '12:00' })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
  });

  it('retimes future occurrences in place (same ids), never past, logged or individually edited ones', async () => {
    const id = await book('csm', { date: '2026-10-01', until: '2027-04-30' }); // Oct 13 and Nov 10 are past
    const before = await occurrencesOf(id);
    expect(before.map((r) => r.seriesDate)).toEqual(['2026-10-13', '2026-11-10', '2026-12-08', '2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13']);
    await as('csm');
    const dec = before[2]!;
    const feb = before[4]!;
    expect((await rescheduleActivity(null, { id: dec.id, version: dec.version, date: '2026-12-10', time: '16:00', durationMinutes: 30 })).ok).toBe(true);
    await (await db()).update(activities).set({ status: 'cancelled', cancelReason: 'holiday' }).where(eq(activities.id, feb.id));

    const result = await edit(id, { time: '14:00', durationMinutes: 90, location: 'Head office', until: '2027-06-30' });
    expect(result).toEqual({ ok: true, data: { deleted: 0, updated: 3, inserted: 2 } });
    const after = await occurrencesOf(id);
    const byDate = Object.fromEntries(after.map((r) => [r.seriesDate, r]));
    // Past ones as they were.
    expect(byDate['2026-10-13']!.startsAt.toISOString()).toBe(tokyo('2026-10-13T10:00:00'));
    // The occurrence edited on its own stays where it was moved.
    expect(byDate['2026-12-08']).toMatchObject({ id: dec.id, seriesDetached: true, durationMinutes: 30 });
    expect(byDate['2026-12-08']!.startsAt.toISOString()).toBe(tokyo('2026-12-10T16:00:00'));
    expect(byDate['2027-02-09']).toMatchObject({ id: feb.id, status: 'cancelled', durationMinutes: 60 });
    // Future ones keep their ids with the new time, and the longer series adds May and June.
    expect(byDate['2027-01-12']).toMatchObject({ id: before[3]!.id, durationMinutes: 90, location: 'Head office', version: 2 });
    expect(byDate['2027-01-12']!.startsAt.toISOString()).toBe(tokyo('2027-01-12T14:00:00'));
    expect(byDate['2027-06-08']!.startsAt.toISOString()).toBe(tokyo('2027-06-08T14:00:00'));
    expect(after).toHaveLength(9);
    expect(await seriesRow(id)).toMatchObject({ time: '14:00', durationMinutes: 90, untilDate: '2027-06-30', version: 2 });
    const [audit] = await auditRows('series.edit');
    expect(audit?.after).toMatchObject({ time: '14:00', updated: 3, inserted: 2, deleted: 0 });
  });

  it('changes the sponsor and people of every future occurrence that follows, keeps them when not sent, and checks them', async () => {
    const id = await book('csm', { activityTypeId: typeId.qbr, executiveSponsor: '取締役 佐々木', customerAttendees: JSON.stringify([{ name: '佐々木', role: 'CFO' }]) });
    const [first, second] = await occurrencesOf(id);
    await as('csm');
    expect((await rescheduleActivity(null, { id: second!.id, version: second!.version, date: '2027-02-10', time: '10:00', durationMinutes: 60, confirm: 'true' })).ok).toBe(true);

    // Not sent: kept. A QBR series cannot lose its sponsor; a colleague must be an active user.
    expect((await edit(id, { time: '11:00' })).ok).toBe(true);
    expect((await occurrencesOf(id))[0]).toMatchObject({ executiveSponsor: '取締役 佐々木', customerAttendees: [{ name: '佐々木', role: 'CFO' }] });
    expect(await edit(id, { executiveSponsor: '' })).toEqual({ ok: false, fieldErrors: { executiveSponsor: { key: 'activities.sponsorRequired' } } });
    expect(await edit(id, { internalAttendees: JSON.stringify([999999]) })).toEqual({ ok: false, fieldErrors: { internalAttendees: { key: 'series.internalAttendees.unknown' } } });

    const result = await edit(id, {
      executiveSponsor: '執行役員 山本',
      customerAttendees: JSON.stringify([{ name: '山本', role: 'COO' }]),
      internalAttendees: JSON.stringify([people.manager.id, people.csm.id]),
    });
    expect(result.ok).toBe(true);
    const after = await occurrencesOf(id);
    expect(after.find((r) => r.id === first!.id)).toMatchObject({ executiveSponsor: '執行役員 山本', customerAttendees: [{ name: '山本', role: 'COO' }], internalAttendees: [people.manager.id] });
    // The occurrence edited on its own keeps its own people.
    expect(after.find((r) => r.id === second!.id)).toMatchObject({ executiveSponsor: '取締役 佐々木', internalAttendees: [] });
    expect(await seriesRow(id)).toMatchObject({ executiveSponsor: '執行役員 山本', internalAttendees: [people.manager.id] });
  });

  it('a new rule moves occurrences within their month; shortening asks before deleting future ones; next touch follows', async () => {
    const id = await book('csm');
    const ids = (await occurrencesOf(id)).map((r) => r.id);
    await as('csm');
    // Third Thursday: each month's row moves, keeping its id.
    expect((await edit(id, { weekday: 4, nth: 3 })).ok).toBe(true);
    const moved = await occurrencesOf(id);
    expect(moved.map((r) => [r.id, r.seriesDate])).toEqual(ids.map((rowId, i) => [rowId, ['2027-01-21', '2027-02-18', '2027-03-18', '2027-04-15', '2027-05-20', '2027-06-17'][i]]));
    expect((await nextTouch())?.toISOString()).toBe(tokyo('2027-01-21T10:00:00'));

    const shorter = await edit(id, { until: '2027-03-31', confirm: '' });
    expect(shorter).toEqual({ ok: false, warnings: [{ key: 'series.warnings.removes', values: { count: 3, dates: '2027-04-15, 2027-05-20, 2027-06-17' } }] });
    expect(await occurrencesOf(id)).toHaveLength(6);
    expect(await edit(id, { until: '2027-03-31' })).toEqual({ ok: true, data: { deleted: 3, updated: 0, inserted: 0 } });
    expect((await occurrencesOf(id)).map((r) => r.seriesDate)).toEqual(['2027-01-21', '2027-02-18', '2027-03-18']);
  });

  it('warns about clashes at the new time, ignoring the series\' own occurrences', async () => {
    const id = await book('csm');
    await as('csm');
    expect((await scheduleActivity(null, { accountId: tier1.id, activityTypeId: typeId.qbr, executiveSponsor: 'CFO', date: '2027-04-13', time: '15:30', durationMinutes: 60, confirm: 'true' })).ok).toBe(true);
    expect(await edit(id, { time: '15:00', confirm: '' })).toEqual({ ok: false, warnings: [{ key: 'series.warnings.doubleBooked', values: { count: 1, dates: '2027-04-13' } }] });
    expect((await edit(id, { durationMinutes: 90, confirm: '' })).ok).toBe(true);
  });

  it('refuses a stale version and an end date too far out', async () => {
    const id = await book('csm');
    await as('manager');
    const s = await seriesRow(id);
    expect(await edit(id, { version: s.version + 1, time: '09:00' })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect((await edit(id, { until: '2030-01-01' })).ok).toBe(false);
    expect((await edit(id, { time: '09:00' })).ok).toBe(true);
    expect(await edit(id, { version: s.version, time: '08:00' })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect((await occurrencesOf(id))[0]!.startsAt.toISOString()).toBe(tokyo('2027-01-12T09:00:00'));
  });
});

describe('cancelSeriesRest', () => {
  it.each([
    ['anonymous', false],
    ['csm', true],
    ['otherCsm', false],
    ['manager', true],
    ['admin', true],
  ] as const)('as %s: %s', async (caller, allowed) => {
    const id = await book('csm');
    await as(caller);
    const s = await seriesRow(id);
    const result = await cancelSeriesRest(null, { id, version: s.version, reason: 'Customer moved to low-touch' });
    expect(result.ok).toBe(allowed);
    expect((await lastAudit())?.action).toBe(allowed ? 'series.cancel_rest' : 'access.denied');
    expect((await occurrencesOf(id)).every((r) => r.status === (allowed ? 'cancelled' : 'planned'))).toBe(true);
  });

  it('cancels only what is still ahead, with the reason, ends the series today and clears next touch', async () => {
    const id = await book('csm', { date: '2026-10-01', until: '2027-03-31' });
    await as('csm');
    const s = await seriesRow(id);
    expect((await cancelSeriesRest(null, { id, version: s.version, reason: '' })).ok).toBe(false);
    expect(await cancelSeriesRest(null, { id, version: s.version, reason: 'Contract ends' })).toEqual({ ok: true, data: { cancelled: 4 } });
    const rows = await occurrencesOf(id);
    expect(rows.map((r) => [r.seriesDate, r.status, r.cancelReason])).toEqual([
      ['2026-10-13', 'planned', null], // overdue: still there to log
      ['2026-11-10', 'planned', null],
      ['2026-12-08', 'cancelled', 'Contract ends'],
      ['2027-01-12', 'cancelled', 'Contract ends'],
      ['2027-02-09', 'cancelled', 'Contract ends'],
      ['2027-03-09', 'cancelled', 'Contract ends'],
    ]);
    expect(await seriesRow(id)).toMatchObject({ version: 2, untilDate: new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 10) });
    // The overdue ones are still planned, so next touch is the oldest of them.
    expect((await nextTouch())?.toISOString()).toBe(tokyo('2026-10-13T10:00:00'));
    expect(await cancelSeriesRest(null, { id, version: 1, reason: 'again' })).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    expect(await cancelSeriesRest(null, { id, version: 2, reason: 'again' })).toEqual({ ok: false, error: { key: 'series.nothingToCancel' } });
  });
});
