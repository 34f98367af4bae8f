import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accounts, activities, touches as ledger } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { insertActivities, updateActivity } from './activities';
import { listAccounts } from './accounts';
import { listActivityTypes } from './playbooks';
import { countAccountTouches, listAccountTouches, touchPageSize } from './touches';

const at = (iso: string) => new Date(iso);

async function touches(id: number) {
  const [row] = await (await getDb()).select({ next: accounts.nextTouchAt, last: accounts.lastTouchAt, version: accounts.version }).from(accounts).where(eq(accounts.id, id));
  return { next: row!.next?.toISOString() ?? null, last: row!.last?.toISOString() ?? null, version: row!.version };
}

describe('next and last touch on accounts', () => {
  it('follow every activity insert and change, without bumping the account version', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    const a = await createAccount({ ownerId: csm.id });
    const [type] = await listActivityTypes(db);
    const base = { accountId: a.id, activityTypeId: type!.id, ownerId: csm.id, durationMinutes: 60, timeZone: 'Asia/Tokyo' };
    expect(await touches(a.id)).toMatchObject({ next: null, last: null });

    const [done, soon, later] = await insertActivities(db, [
      { ...base, startsAt: at('2026-01-10T01:00:00Z'), status: 'completed' },
      { ...base, startsAt: at('2027-02-01T01:00:00Z') },
      { ...base, startsAt: at('2027-03-01T01:00:00Z') },
    ]);
    expect(await touches(a.id)).toEqual({ next: '2027-02-01T01:00:00.000Z', last: '2026-01-10T01:00:00.000Z', version: a.version });

    // Completing the earliest planned one moves both.
    expect(await updateActivity(db, soon!, 1, { status: 'completed' })).toBe(true);
    expect(await touches(a.id)).toMatchObject({ next: '2027-03-01T01:00:00.000Z', last: '2027-02-01T01:00:00.000Z' });

    // Cancelling the last planned one leaves no next touch; a stale version changes nothing.
    expect(await updateActivity(db, later!, 7, { status: 'cancelled' })).toBe(false);
    expect(await updateActivity(db, later!, 1, { status: 'cancelled' })).toBe(true);
    expect(await touches(a.id)).toMatchObject({ next: null, last: '2027-02-01T01:00:00.000Z', version: a.version });
    expect(done).toBeGreaterThan(0);
    await db.delete(activities).where(eq(activities.accountId, a.id));
  });

  it('keep one ledger row per completed activity, at its start, following completion, retiming and cancellation', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    const a = await createAccount({ ownerId: csm.id });
    const [type] = await listActivityTypes(db);
    const base = { accountId: a.id, activityTypeId: type!.id, ownerId: csm.id, durationMinutes: 60, timeZone: 'Asia/Tokyo' };
    const rows = async () =>
      (await db.select({ activityId: ledger.activityId, at: ledger.occurredAt, kind: ledger.kind, model: ledger.touchModel }).from(ledger).where(eq(ledger.accountId, a.id))).map(
        (r) => ({ ...r, at: r.at.toISOString() }),
      );
    const [done, planned] = await insertActivities(db, [
      { ...base, startsAt: at('2026-01-10T01:00:00Z'), status: 'completed' },
      { ...base, startsAt: at('2026-02-10T01:00:00Z') },
    ]);
    expect(await rows()).toEqual([{ activityId: done, at: '2026-01-10T01:00:00.000Z', kind: 'activity_completed', model: type!.touchModel }]);

    expect(await updateActivity(db, planned!, 1, { status: 'completed' })).toBe(true);
    expect(await updateActivity(db, done!, 1, { startsAt: at('2026-01-12T01:00:00Z') })).toBe(true);
    expect((await rows()).sort((x, y) => x.at.localeCompare(y.at))).toEqual([
      { activityId: done, at: '2026-01-12T01:00:00.000Z', kind: 'activity_completed', model: type!.touchModel },
      { activityId: planned, at: '2026-02-10T01:00:00.000Z', kind: 'activity_completed', model: type!.touchModel },
    ]);

    // Undone (cancelled) activities leave the ledger; running the sync again changes nothing.
    expect(await updateActivity(db, planned!, 2, { status: 'cancelled' })).toBe(true);
    expect(await rows()).toEqual([{ activityId: done, at: '2026-01-12T01:00:00.000Z', kind: 'activity_completed', model: type!.touchModel }]);
    await db.delete(activities).where(eq(activities.accountId, a.id));
    expect(await rows()).toEqual([]);
  });

  it('sort the account list, empty ones last either way', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    const [type] = await listActivityTypes(db);
    const [early, late, none] = [await createAccount({ ownerId: csm.id }), await createAccount({ ownerId: csm.id }), await createAccount({ ownerId: csm.id })];
    const base = { activityTypeId: type!.id, ownerId: csm.id, durationMinutes: 30, timeZone: 'Asia/Tokyo' };
    await insertActivities(db, [
      { ...base, accountId: early.id, startsAt: at('2027-05-01T00:00:00Z') },
      { ...base, accountId: late.id, startsAt: at('2027-06-01T00:00:00Z') },
    ]);
    const ids = async (dir: 'asc' | 'desc') => (await listAccounts(db, { ownerId: csm.id, sort: 'nextTouch', dir })).map((r) => r.id);
    expect(await ids('asc')).toEqual([early.id, late.id, none.id]);
    expect(await ids('desc')).toEqual([late.id, early.id, none.id]);
  });

  it('list an account’s touches newest first, a page at a time, filtered by model, with counts per model', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    const a = await createAccount({ ownerId: csm.id });
    const [type] = await listActivityTypes(db);
    const base = { accountId: a.id, activityTypeId: type!.id, ownerId: csm.id, durationMinutes: 30, timeZone: 'Asia/Tokyo', status: 'completed' as const };
    const n = touchPageSize + 5;
    await insertActivities(db, Array.from({ length: n }, (_, i) => ({ ...base, startsAt: new Date(Date.UTC(2026, 0, 1 + i)) })));
    expect(await countAccountTouches(db, a.id)).toEqual({ [type!.touchModel]: n });
    const first = await listAccountTouches(db, a.id, { page: 1 });
    const second = await listAccountTouches(db, a.id, { page: 2 });
    expect(first).toHaveLength(touchPageSize);
    expect(second).toHaveLength(5);
    expect(first[0]!.occurredAt.toISOString()).toBe(new Date(Date.UTC(2026, 0, n)).toISOString());
    expect(first[0]).toMatchObject({ kind: 'activity_completed', typeKey: type!.key });
    expect(second.at(-1)!.occurredAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const other = type!.touchModel === 'tech' ? 'low' : 'tech';
    expect(await listAccountTouches(db, a.id, { model: other, page: 1 })).toEqual([]);
  });
});
