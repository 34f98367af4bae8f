import { activityRules } from '@/lib/playbooks/rule-target';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertActivities } from '@/db/queries/activities';
import { loadPlanData } from '@/db/queries/plan';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import type { PublicUser } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { accounts, activities } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { planFor } from '@/lib/server/plan';
import type { PlanRule, Proposal } from '@/lib/planning/propose';
import { addDays, addMonths } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createAccount } from '@/tests/accounts';
import { auditRows, lastAudit } from '@/tests/audit';
import { createUser, errorKey, signInAs } from '@/tests/factories';
import { createPlannedActivities } from './actions';

type Caller = 'anonymous' | 'csm' | 'otherCsm' | 'manager' | 'admin';
let people: Record<Exclude<Caller, 'anonymous'>, PublicUser>;
let today: string;
const zone = 'Asia/Tokyo'; // the workspace's; the factory users have none of their own
const as = (c: Caller) => signInAs(c === 'anonymous' ? null : people[c]);
const tier1Account = (ownerId: number | null) => createAccount({ ownerId, arr: '8000000' }); // LTV 64,000,000: Tier 1

beforeEach(async () => {
  people = { csm: await createUser('csm'), otherCsm: await createUser('csm'), manager: await createUser('manager'), admin: await createUser('admin') };
  today = todayIn((await getWorkspace(await getDb())).timeZone);
});

async function proposalsFor(...accountIds: number[]): Promise<Proposal[]> {
  return (await planFor(await getDb(), { accountIds }, { today, horizonMonths: 3, timeZone: zone })).proposals;
}

/** The form's payload: every proposal kept at its suggested date, at 10:00 for an hour. */
const rowsOf = (ps: Proposal[]) => ps.map((p) => ({ accountId: p.accountId, activityTypeId: p.activityTypeId, due: p.due, date: p.date, time: '10:00', durationMinutes: 60 }));
const payload = (ps: Proposal[], extra: Record<string, unknown> = {}) => ({ today, horizon: '3', rows: JSON.stringify(rowsOf(ps)), ...extra });

async function stored(accountIds: number[]) {
  return (await getDb())
    .select({ accountId: activities.accountId, activityTypeId: activities.activityTypeId, ownerId: activities.ownerId, plannedDue: activities.plannedDue, startsAt: activities.startsAt })
    .from(activities)
    .where(inArray(activities.accountId, accountIds));
}

describe('createPlannedActivities: who may plan', () => {
  it.each([
    ['anonymous', 'errors.signedOut'],
    ['csm', null],
    ['otherCsm', 'errors.forbidden'],
    ['manager', null],
    ['admin', null],
  ] as const)('as %s on a CSM’s account', async (caller, refusal) => {
    const account = await tier1Account(people.csm.id);
    const ps = await proposalsFor(account.id);
    expect(ps.length).toBeGreaterThan(0);
    await as(caller);
    const result = await createPlannedActivities(null, payload(ps));
    expect(errorKey(result) ?? null).toBe(refusal);
    const rows = await stored([account.id]);
    if (refusal) {
      expect(rows).toEqual([]);
      if (caller === 'otherCsm') expect((await lastAudit())?.action).toBe('access.denied');
    } else {
      expect(result).toEqual({ ok: true, data: { created: ps.length, skipped: 0 } });
      // On the account owner's calendar, whoever planned it.
      expect(rows.every((r) => r.ownerId === people.csm.id)).toBe(true);
    }
  });

  it('refuses a CSM the whole plan when one account is another CSM’s', async () => {
    const mine = await tier1Account(people.csm.id);
    const theirs = await tier1Account(people.otherCsm.id);
    await as('csm');
    const result = await createPlannedActivities(null, payload(await proposalsFor(mine.id, theirs.id)));
    expect(errorKey(result)).toBe('errors.forbidden');
    expect(await stored([mine.id, theirs.id])).toEqual([]);
  });

  it('lets a manager plan any CSM’s book, and an account without owner for a CSM they choose', async () => {
    const a = await tier1Account(people.csm.id);
    const b = await tier1Account(people.otherCsm.id);
    await as('manager');
    expect((await createPlannedActivities(null, payload(await proposalsFor(a.id, b.id)))).ok).toBe(true);
    const owners = new Map((await stored([a.id, b.id])).map((r) => [r.accountId, r.ownerId]));
    expect(owners).toEqual(new Map([[a.id, people.csm.id], [b.id, people.otherCsm.id]]));

    const unowned = await tier1Account(null);
    const ps = await proposalsFor(unowned.id);
    expect(await createPlannedActivities(null, payload(ps))).toEqual({ ok: false, fieldErrors: { ownerId: { key: 'activities.ownerRequired' } } });
    expect(await createPlannedActivities(null, payload(ps, { ownerId: people.admin.id }))).toEqual({ ok: false, fieldErrors: { ownerId: { key: 'accounts.ownerNotCsm' } } });
    expect((await createPlannedActivities(null, payload(ps, { ownerId: people.otherCsm.id }))).ok).toBe(true);
    expect((await stored([unowned.id])).every((r) => r.ownerId === people.otherCsm.id)).toBe(true);
  });
});

describe('createPlannedActivities: what it creates', () => {
  it('creates the kept proposals in the planner’s zone with their due date, keeps next touch, and audits per account', async () => {
    const a = await tier1Account(people.csm.id);
    const b = await tier1Account(people.csm.id);
    // A meeting 20 days ago: the next is due in 10 days, counted from it.
    const meetingId = Object.fromEntries((await listActivityTypes(await getDb())).map((t) => [t.key, t.id])).regular_meeting!;
    const lastMeeting = zonedToUtc(addDays(today, -20), '10:00', zone);
    await insertActivities(await getDb(), [{ accountId: a.id, activityTypeId: meetingId, ownerId: people.csm.id, status: 'completed', startsAt: lastMeeting, durationMinutes: 60, timeZone: zone }]);
    const ps = await proposalsFor(a.id, b.id);
    const left = ps.find((p) => p.accountId === a.id && p.activityTypeId === meetingId)!;
    expect(left.due).toBe(addMonths(addDays(today, -20), 1));
    const kept = ps.filter((p) => p !== left);
    await as('csm');
    expect(await createPlannedActivities(null, payload(kept))).toEqual({ ok: true, data: { created: kept.length, skipped: 0 } });

    const rows = (await stored([a.id, b.id])).filter((r) => r.plannedDue !== null);
    expect(rows.map((r) => `${r.accountId}:${r.activityTypeId}:${r.plannedDue}`).sort()).toEqual(kept.map((p) => `${p.accountId}:${p.activityTypeId}:${p.due}`).sort());
    expect(rows.find((r) => r.plannedDue === kept[0]!.due && r.activityTypeId === kept[0]!.activityTypeId)?.startsAt).toEqual(zonedToUtc(kept[0]!.date, '10:00', zone));
    const [account] = await (await getDb()).select({ next: accounts.nextTouchAt }).from(accounts).where(eq(accounts.id, a.id));
    expect(account?.next).toEqual(new Date(Math.min(...rows.filter((r) => r.accountId === a.id).map((r) => r.startsAt.getTime()))));

    // What was left out is all that is left to propose.
    expect(await proposalsFor(a.id, b.id)).toEqual([left]);

    const audits = (await auditRows('activity.plan')).filter((r) => [a.id, b.id].map(String).includes(r.entityId!));
    expect(audits.map((r) => Number(r.entityId)).sort()).toEqual([a.id, b.id].sort());
    const forB = audits.find((r) => r.entityId === String(b.id))?.after as { ownerId: number; activities: { due: string }[] };
    expect(forB.ownerId).toBe(people.csm.id);
    expect(forB.activities.length).toBe(kept.filter((p) => p.accountId === b.id).length);
  });

  it('run twice creates nothing the second time', async () => {
    const account = await tier1Account(people.csm.id);
    const ps = await proposalsFor(account.id);
    await as('csm');
    expect(await createPlannedActivities(null, payload(ps))).toEqual({ ok: true, data: { created: ps.length, skipped: 0 } });
    expect(await createPlannedActivities(null, payload(ps))).toEqual({ ok: true, data: { created: 0, skipped: ps.length } });
    expect((await stored([account.id])).length).toBe(ps.length);
    expect(await proposalsFor(account.id)).toEqual([]);
  });

  it('two plans submitted at once create each activity once', async () => {
    const account = await tier1Account(people.csm.id);
    const ps = await proposalsFor(account.id);
    await as('csm');
    const results = await Promise.all([createPlannedActivities(null, payload(ps)), createPlannedActivities(null, payload(ps))]);
    const created = results.map((r) => (r.ok ? r.data.created : -1));
    expect(created.sort()).toEqual([0, ps.length]);
    const [dupes] = await (await getDb())
      .select({ n: sql<number>`count(*)::int` })
      .from(activities)
      .where(and(eq(activities.accountId, account.id)));
    expect(dupes?.n).toBe(ps.length);
  });

  it('creates nothing the playbook does not ask for, nor what a proposal in the same request already covers', async () => {
    const tier3 = await createAccount({ ownerId: people.csm.id, arr: '100000' });
    const account = await tier1Account(people.csm.id);
    const [first] = await proposalsFor(account.id);
    const made = { ...first!, due: addDays(first!.due, 1) }; // not a cadence date
    const bogus = { ...first!, accountId: tier3.id };
    await as('csm');
    const result = await createPlannedActivities(null, payload([first!, first!, made, bogus]));
    expect(result).toEqual({ ok: true, data: { created: 1, skipped: 3 } });
  });
});

describe('createPlannedActivities: bad input', () => {
  it('puts format errors next to the row and keeps everything else unsaved', async () => {
    const account = await tier1Account(people.csm.id);
    const ps = await proposalsFor(account.id);
    const rows = rowsOf(ps);
    rows[0] = { ...rows[0]!, date: '2027-02-30' };
    rows[1] = { ...rows[1]!, time: '25:00' };
    await as('csm');
    const result = await createPlannedActivities(null, { today, horizon: '3', rows: JSON.stringify(rows) });
    expect(result).toEqual({ ok: false, fieldErrors: { 'rows.0.date': { key: 'validation.date', values: {} }, 'rows.1.time': { key: 'validation.time', values: {} } } });
    expect(await stored([account.id])).toEqual([]);
  });

  it('refuses a date in the past next to its row, an empty plan, and a plan made before the date changed', async () => {
    const account = await tier1Account(people.csm.id);
    const ps = await proposalsFor(account.id);
    await as('csm');
    const rows = rowsOf(ps);
    rows[1] = { ...rows[1]!, date: addDays(today, -1) };
    expect(await createPlannedActivities(null, { today, horizon: '3', rows: JSON.stringify(rows) })).toEqual({
      ok: false,
      fieldErrors: { 'rows.1.date': { key: 'plan.errors.datePast' } },
    });
    expect(errorKey(await createPlannedActivities(null, payload([])))).toBe('plan.errors.nothingKept');
    expect(errorKey(await createPlannedActivities(null, payload(ps, { today: addDays(today, -1) })))).toBe('plan.errors.stale');
    expect(await stored([account.id])).toEqual([]);
  });
});

describe('loadPlanData', () => {
  it('reads local dates in the zone, skips cancelled ones, and keeps the latest touch from before the window', async () => {
    const db = await getDb();
    const account = await tier1Account(people.csm.id);
    const types = Object.fromEntries((await listActivityTypes(db)).map((t) => [t.key, t.id]));
    const rules = new Map<number, PlanRule[]>((await currentPlaybooks(db)).map((p) => [p.tier, activityRules(p.rules)]));
    const base = { accountId: account.id, ownerId: people.csm.id, durationMinutes: 60, timeZone: zone };
    await insertActivities(db, [
      // Two years ago and three years ago: only the later one is read.
      { ...base, activityTypeId: types.onsite_visit!, status: 'completed', startsAt: zonedToUtc(addDays(today, -730), '10:00', zone) },
      { ...base, activityTypeId: types.onsite_visit!, status: 'completed', startsAt: zonedToUtc(addDays(today, -1095), '10:00', zone) },
      // 00:30 in Tokyo is the day before in UTC.
      { ...base, activityTypeId: types.qbr!, status: 'planned', startsAt: zonedToUtc(addDays(today, 20), '00:30', zone), plannedDue: addDays(today, 18), executiveSponsor: '取締役 佐々木' },
      { ...base, activityTypeId: types.regular_meeting!, status: 'cancelled', startsAt: zonedToUtc(addDays(today, 5), '10:00', zone) },
    ]);
    const data = await loadPlanData(db, { ownerId: people.csm.id }, rules, { today, horizonMonths: 3, timeZone: zone });
    expect(data.accounts).toEqual([{ id: account.id, name: account.name, tier: 1, ownerId: people.csm.id }]);
    expect(data.existing).toEqual([
      { accountId: account.id, activityTypeId: types.onsite_visit, date: addDays(today, -730), plannedDue: null, status: 'completed' },
      { accountId: account.id, activityTypeId: types.qbr, date: addDays(today, 20), plannedDue: addDays(today, 18), status: 'planned' },
    ]);
    expect(data.sponsors.get(`${account.id}:${types.qbr}`)).toBe('取締役 佐々木');
    // A tier filter, and a book without rules for its tiers.
    expect((await loadPlanData(db, { ownerId: people.csm.id, tier: 2 }, rules, { today, horizonMonths: 3, timeZone: zone })).accounts).toEqual([]);
  });
});
