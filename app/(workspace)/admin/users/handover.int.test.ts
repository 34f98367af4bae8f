import { and, eq, inArray, ne } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertActivity } from '@/db/queries/activities';
import { listActivityTypes } from '@/db/queries/playbooks';
import { findUser, updateUser, type PublicUser } from '@/db/queries/users';
import { ownerOptions } from '@/db/queries/accounts';
import { accounts, activities, users } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { auditRows } from '@/tests/audit';
import { createUser, formData, signInAs } from '@/tests/factories';
import { setUserActive } from './actions';

let admin: PublicUser;
let leaving: PublicUser;

beforeEach(async () => {
  admin = await createUser('admin');
  leaving = await createUser('csm', { name: 'Leaving CSM' });
  await signInAs(admin);
});

async function bookOf(userId: number, n: number, arr = '1000000') {
  const db = await getDb();
  const qbr = (await listActivityTypes(db)).find((t) => t.key === 'qbr')!;
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = await createAccount({ ownerId: userId, arr });
    ids.push(a.id);
    await insertActivity(db, { accountId: a.id, activityTypeId: qbr.id, ownerId: userId, startsAt: new Date(Date.now() + (i + 1) * 86_400_000), durationMinutes: 60, timeZone: 'Asia/Tokyo', executiveSponsor: 'CFO' });
  }
  return ids;
}

const deactivate = (user: PublicUser, extra: Record<string, string> = {}) => setUserActive(null, formData({ id: user.id, version: user.version, active: 'false', ...extra }));
const owners = async (ids: number[]) => (await (await getDb()).select({ ownerId: accounts.ownerId }).from(accounts).where(inArray(accounts.id, ids))).map((r) => r.ownerId);

describe('deactivating a CSM who owns a book', () => {
  it('refuses until the admin says who takes it over, and changes nothing', async () => {
    const ids = await bookOf(leaving.id, 3);
    expect(await deactivate(leaving)).toEqual({ ok: false, fieldErrors: { handover: { key: 'users.handoverRequired', values: { accounts: 3, activities: 3 } } } });
    expect((await findUser(await getDb(), leaving.id))?.active).toBe(true);
    expect(await owners(ids)).toEqual([leaving.id, leaving.id, leaving.id]);
  });

  it('hands every account and planned activity to one CSM, with an audit row per account', async () => {
    const ids = await bookOf(leaving.id, 3);
    const next = await createUser('csm');
    expect(await deactivate(leaving, { handover: 'csm', toUserId: String(leaving.id) })).toMatchObject({ ok: false, fieldErrors: { toUserId: { key: 'users.handoverTarget' } } });
    expect(await deactivate(leaving, { handover: 'csm', toUserId: String(admin.id) })).toMatchObject({ ok: false, fieldErrors: { toUserId: { key: 'users.handoverTarget' } } });
    const result = await deactivate(leaving, { handover: 'csm', toUserId: String(next.id) });
    expect(result).toMatchObject({ ok: true, data: { handedOver: { accounts: 3, activities: 3, to: next.id } } });
    expect(await owners(ids)).toEqual([next.id, next.id, next.id]);
    const planned = await (await getDb()).select({ ownerId: activities.ownerId }).from(activities).where(inArray(activities.accountId, ids));
    expect(planned.map((p) => p.ownerId)).toEqual([next.id, next.id, next.id]);
    expect((await auditRows('account.reassign')).filter((r) => ids.includes(Number(r.entityId)))).toHaveLength(3);
  });

  it('spreads the book over the other CSMs in proportion to their free hours', async () => {
    const db = await getDb();
    // Only two other CSMs are active: one with 90 free hours a month, one with 30.
    await db.update(users).set({ active: false }).where(and(eq(users.role, 'csm'), ne(users.id, leaving.id)));
    const roomy = await createUser('csm');
    const busy = await createUser('csm');
    await updateUser(db, roomy.id, roomy.version, { capacityHours: 90 });
    await updateUser(db, busy.id, busy.version, { capacityHours: 30 });
    const ids = await bookOf(leaving.id, 8, '8000000'); // Tier 1: the same hours each
    expect((await deactivate(leaving, { handover: 'spread' })).ok).toBe(true);
    const after = await owners(ids);
    expect(after.filter((o) => o === roomy.id)).toHaveLength(6);
    expect(after.filter((o) => o === busy.id)).toHaveLength(2);
    // Their planned QBRs follow the accounts.
    const planned = await db.select({ accountId: activities.accountId, ownerId: activities.ownerId }).from(activities).where(inArray(activities.accountId, ids));
    const ownerOf = new Map((await db.select({ id: accounts.id, ownerId: accounts.ownerId }).from(accounts).where(inArray(accounts.id, ids))).map((a) => [a.id, a.ownerId]));
    expect(planned.every((p) => p.ownerId === ownerOf.get(p.accountId))).toBe(true);
  });

  it('refuses to spread when no other CSM is active', async () => {
    const db = await getDb();
    await db.update(users).set({ active: false }).where(and(eq(users.role, 'csm'), ne(users.id, leaving.id)));
    await bookOf(leaving.id, 2);
    expect(await deactivate(leaving, { handover: 'spread' })).toEqual({ ok: false, fieldErrors: { handover: { key: 'users.handoverNobody' } } });
  });

  it('deactivates at once a CSM who owns nothing', async () => {
    const idle = await createUser('csm');
    expect((await deactivate(idle)).ok).toBe(true);
  });
});

describe('owner filter options', () => {
  it('keep a deactivated CSM who still owns accounts, or is the one chosen, marked inactive', async () => {
    const db = await getDb();
    const gone = await createUser('csm', { name: 'Gone With Book' });
    await createAccount({ ownerId: gone.id });
    await updateUser(db, gone.id, gone.version, { active: false });
    const goneEmpty = await createUser('csm', { name: 'Gone Empty', active: false });
    const options = await ownerOptions(db);
    expect(options).toContainEqual({ id: gone.id, name: 'Gone With Book', active: false });
    expect(options.some((o) => o.id === goneEmpty.id)).toBe(false);
    expect(await ownerOptions(db, goneEmpty.id)).toContainEqual({ id: goneEmpty.id, name: 'Gone Empty', active: false });
    // Active ones first.
    const firstInactive = options.findIndex((o) => !o.active);
    expect(options.slice(firstInactive).every((o) => !o.active)).toBe(true);
  });
});
