import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { AccountRow } from '@/db/queries/accounts';
import { listActivityTypes } from '@/db/queries/playbooks';
import type { PublicUser } from '@/db/queries/users';
import { activities } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { cancelActivity, completeActivity, markNoShow, rescheduleActivity, scheduleActivity } from './actions';

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
    expect((await completeActivity(null, { id: a.id, version: a.version, outcome: 'Agreed on the rollout plan', nextSteps: 'Send the deck' })).ok).toBe(true);
    expect(await stored(a.id)).toMatchObject({ status: 'completed', outcome: 'Agreed on the rollout plan', nextSteps: 'Send the deck' });
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
