import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertActivities } from '@/db/queries/activities';
import { insertTimeOff } from '@/db/queries/capacity';
import { currentPlaybooks, listActivityTypes } from '@/db/queries/playbooks';
import { insertProgram, insertSession, listProgramKinds } from '@/db/queries/programs';
import { getWorkspace } from '@/db/queries/workspace';
import { accounts, tasks } from '@/db/schema';
import { hoursPerAccountMonth, typeModelLookup } from '@/lib/playbooks/hours';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { capacityMonth, readMonth } from './capacity';

const at = (iso: string) => new Date(iso);

describe('a month of capacity', () => {
  it('sums a CSM’s book, bookings, deliveries, hosted sessions and time off', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    const [a, b] = [await createAccount({ ownerId: csm.id }), await createAccount({ ownerId: csm.id })];
    await db.update(accounts).set({ tier: 1 }).where(eq(accounts.id, a.id));
    await db.update(accounts).set({ tier: 1 }).where(eq(accounts.id, b.id));
    const types = await listActivityTypes(db);
    const typeId = (key: string) => types.find((t) => t.key === key)!.id;
    const base = { accountId: a.id, ownerId: csm.id, createdBy: csm.id, timeZone: 'Asia/Tokyo' };
    await insertActivities(db, [
      // Booked: its own length.
      { ...base, activityTypeId: typeId('regular_meeting'), startsAt: at('2030-12-10T01:00:00Z'), durationMinutes: 90 },
      // Delivered: the Tier 1 QBR rule's hours, not its 2 hours' length.
      { ...base, activityTypeId: typeId('qbr'), status: 'completed', startsAt: at('2030-12-11T01:00:00Z'), completedAt: at('2030-12-11T03:00:00Z'), durationMinutes: 120 },
      // Delivered: no Tier 1 rule for onboarding, so its own hour.
      { ...base, activityTypeId: typeId('onboarding_session'), status: 'completed', startsAt: at('2030-12-12T01:00:00Z'), completedAt: at('2030-12-12T02:00:00Z'), durationMinutes: 60 },
      // Another month: not counted.
      { ...base, activityTypeId: typeId('regular_meeting'), startsAt: at('2031-01-10T01:00:00Z'), durationMinutes: 60 },
    ]);
    const kinds = await listProgramKinds(db);
    const programId = await insertProgram(db, { kindId: kinds[0]!.id, title: 'Capacity webinar', description: null, language: 'ja', tiers: [2], createdBy: csm.id }, [csm.id]);
    await insertSession(db, { programId, startsAt: at('2030-12-15T06:00:00Z'), timeZone: 'Asia/Tokyo', durationMinutes: 60, onlineUrl: null, venue: null, capacity: null, preparationHours: '2' });
    // Mon 2 – Tue 3 Dec, 8 hours a day, and Sat 7 Dec: 16 hours.
    await insertTimeOff(db, { userId: csm.id, fromDate: '2030-12-02', toDate: '2030-12-03', hoursPerDay: '8', note: null, createdBy: csm.id });
    await insertTimeOff(db, { userId: csm.id, fromDate: '2030-12-07', toDate: '2030-12-07', hoursPerDay: '8', note: null, createdBy: csm.id });

    const workspace = await getWorkspace(db);
    const tier1 = (await currentPlaybooks(db)).find((p) => p.tier === 1)!;
    const perAccount = hoursPerAccountMonth(tier1.rules, typeModelLookup(types));
    const qbrHours = Number(tier1.rules.find((r) => r.activityTypeId === typeId('qbr'))!.hours);

    const month = await capacityMonth(db, { month: '2030-12', now: at('2031-01-15T00:00:00Z'), workspace, language: 'en', onlyUserId: csm.id });
    expect(month.rows).toHaveLength(1);
    const row = month.rows[0]!;
    expect(row.owed).toBeCloseTo(2 * perAccount + 3);
    expect(row.hosted).toBe(3);
    expect(row.booked).toBeCloseTo(1.5);
    expect(row.delivered).toBeCloseTo(qbrHours + 1 + 3);
    expect(row.timeOff).toBe(16);
    expect(row.available).toBe(row.capacity - 16);
    expect(row.utilisation).toBeCloseTo(row.owed / row.available);
    expect(month.timeOff.map((t) => t.fromDate)).toEqual(['2030-12-02', '2030-12-07']);

    // Before the session is over it is owed, not delivered.
    const before = await capacityMonth(db, { month: '2030-12', now: at('2030-12-14T00:00:00Z'), workspace, language: 'en', onlyUserId: csm.id });
    expect(before.rows[0]!.delivered).toBeCloseTo(qbrHours + 1);
  });

  it('shows managers everyone, the accounts nobody owns, and each tier’s headcount', async () => {
    const db = await getDb();
    const other = await createUser('csm');
    const nobodys = await createAccount({ ownerId: null });
    await db.update(accounts).set({ tier: 1 }).where(eq(accounts.id, nobodys.id));
    const month = await capacityMonth(db, { month: '2030-12', now: new Date(), workspace: await getWorkspace(db), language: 'en' });
    expect(month.rows.map((r) => r.id)).toContain(other.id);
    expect(month.unassigned).toBeCloseTo(month.tiers[0]!.perAccount * (await db.select().from(accounts).where(eq(accounts.tier, 1))).filter((x) => x.ownerId === null).length);
    expect(month.tiers.map((t) => t.tier)).toEqual([1, 2, 3]);
    for (const t of month.tiers) expect(t.headcount).toBeCloseTo(t.owed / 110);
  });

  it('counts task estimates: open ones in the month due, done ones in the month completed, for their owner', async () => {
    const db = await getDb();
    const workspace = { ...(await getWorkspace(db)), timeZone: 'Asia/Tokyo' };
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const march = (activity?: boolean) => capacityMonth(db, { month: '2031-03', now: at('2031-03-20T00:00:00Z'), workspace, language: 'en', activity });
    const before = await march();
    const mine = (m: Awaited<ReturnType<typeof march>>) => m.rows.find((r) => r.id === csm.id)!;
    expect(mine(before).tasks).toBe(0);

    const task = { accountId: account.id, ownerId: csm.id, title: 'Call' };
    const [open] = await db
      .insert(tasks)
      .values([
        // Due in March, open: 1.5 h owed and booked.
        { ...task, dueOn: '2031-03-10', estimateMinutes: 90 },
        // Due in February, completed on 1 March in Tokyo (28 Feb in UTC): 0.75 h owed and delivered in March.
        { ...task, dueOn: '2031-02-25', estimateMinutes: 45, status: 'done', completedAt: at('2031-02-28T16:00:00Z') },
        // Completed on 28 February in Tokyo: not March.
        { ...task, dueOn: '2031-03-03', estimateMinutes: 240, status: 'done', completedAt: at('2031-02-28T14:00:00Z') },
        // Cancelled, and due in April: not counted.
        { ...task, dueOn: '2031-03-12', estimateMinutes: 600, status: 'cancelled' },
        { ...task, dueOn: '2031-04-01', estimateMinutes: 120 },
        // Nobody's: the unassigned row.
        { ...task, ownerId: null, dueOn: '2031-03-31', estimateMinutes: 60 },
      ])
      .returning({ id: tasks.id });

    const after = await march();
    expect(mine(after).tasks).toBeCloseTo(2.25);
    expect(mine(after).owed - mine(before).owed).toBeCloseTo(2.25);
    expect(mine(after).booked - mine(before).booked).toBeCloseTo(1.5);
    expect(mine(after).delivered - mine(before).delivered).toBeCloseTo(0.75);
    expect(mine(after).utilisation).toBeCloseTo(mine(after).owed / mine(after).available);
    expect(after.unassignedTasks - before.unassignedTasks).toBeCloseTo(1);
    expect(after.unassigned - before.unassigned).toBeCloseTo(1);

    // The owed ÷ available figures (home chart, what-if, the pool's pick) count tasks too.
    expect(mine(await march(false)).owed).toBeCloseTo(mine(after).owed);

    // Completing the open task in March moves its hours from booked to delivered; owed stays.
    await db.update(tasks).set({ status: 'done', completedAt: at('2031-03-09T02:00:00Z') }).where(eq(tasks.id, open!.id));
    const done = await march();
    expect(mine(done).owed).toBeCloseTo(mine(after).owed);
    expect(mine(done).booked).toBeCloseTo(mine(after).booked - 1.5);
    expect(mine(done).delivered).toBeCloseTo(mine(after).delivered + 1.5);
  });

  it('reads a month from the URL, else today’s', () => {
    expect(readMonth('2030-02', '2026-11-28')).toBe('2030-02');
    expect(readMonth('2030-13', '2026-11-28')).toBe('2026-11');
    expect(readMonth(undefined, '2026-11-28')).toBe('2026-11');
  });
});
