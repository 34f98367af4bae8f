import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decideOverrideRequest, requestTierOverride } from '@/app/(workspace)/accounts/actions';
import { getDb, queryRows } from '@/db/client';
import { tasks, users } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { notifyDue } from '@/lib/server/notifications';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { countUnread, latestNotifications, markRead } from './notifications';
import { getWorkspace } from './workspace';

// The writers of the bell: the triggers of migration 0040 (a task gets an
// owner, a request is decided) and the due sweep; then the reads.

type Row = { userId: number; kind: string; taskId: number | null; read: boolean };

async function notificationsOf(userIds: number[]): Promise<Row[]> {
  return queryRows<Row>(
    await getDb(),
    sql`select user_id as "userId", kind, task_id::int as "taskId", read_at is not null as read from notifications
        where user_id in (${sql.join(userIds.map((id) => sql`${id}`), sql`, `)}) order by id`,
  );
}

async function addTask(v: { accountId: number; ownerId: number | null; createdBy?: number; status?: string; dueOn?: string; snoozedUntil?: string; title?: string }) {
  const today = todayIn((await getWorkspace(await getDb())).timeZone);
  const [row] = await (await getDb())
    .insert(tasks)
    .values({ title: v.title ?? 'Call about usage', dueOn: v.dueOn ?? addDays(today, 5), accountId: v.accountId, ownerId: v.ownerId, createdBy: v.createdBy, status: v.status, snoozedUntil: v.snoozedUntil })
    .returning({ id: tasks.id });
  return row!.id;
}

const setOwner = async (id: number, ownerId: number | null) => (await getDb()).update(tasks).set({ ownerId }).where(eq(tasks.id, id));

describe('task assigned', () => {
  it('notifies the owner of a new open task (raised, or written by someone else), not its writer nor a task created done', async () => {
    const a = await createUser('csm');
    const b = await createUser('csm');
    const account = await createAccount({ ownerId: a.id });
    // Two at once, as the alert evaluator raises them (no writer).
    const [raised1, raised2] = await (await getDb())
      .insert(tasks)
      .values([
        { accountId: account.id, ownerId: a.id, title: 'Raised one', dueOn: '2031-01-10' },
        { accountId: account.id, ownerId: b.id, title: 'Raised two', dueOn: '2031-01-10' },
      ])
      .returning({ id: tasks.id });
    const byB = await addTask({ accountId: account.id, ownerId: a.id, createdBy: b.id });
    await addTask({ accountId: account.id, ownerId: a.id, createdBy: a.id });
    await addTask({ accountId: account.id, ownerId: a.id, status: 'done' });
    await addTask({ accountId: account.id, ownerId: null });
    expect(await notificationsOf([a.id, b.id])).toEqual([
      { userId: a.id, kind: 'task_assigned', taskId: raised1!.id, read: false },
      { userId: b.id, kind: 'task_assigned', taskId: raised2!.id, read: false },
      { userId: a.id, kind: 'task_assigned', taskId: byB, read: false },
    ]);
  });

  it('notifies on reassignment: the new owner gets it, the old one loses the unread ones, a closed task reads as read', async () => {
    const a = await createUser('csm');
    const b = await createUser('csm');
    const account = await createAccount({ ownerId: a.id });
    const id = await addTask({ accountId: account.id, ownerId: null });
    await setOwner(id, a.id);
    expect(await notificationsOf([a.id, b.id])).toEqual([{ userId: a.id, kind: 'task_assigned', taskId: id, read: false }]);
    await setOwner(id, b.id);
    expect(await notificationsOf([a.id, b.id])).toEqual([{ userId: b.id, kind: 'task_assigned', taskId: id, read: false }]);
    // The same owner again (a title edit, a snooze) notifies nobody anew.
    await markRead(await getDb(), b.id, null);
    await (await getDb()).update(tasks).set({ title: 'Renamed' }).where(eq(tasks.id, id));
    expect(await countUnread(await getDb(), b.id)).toBe(0);
    // Given back: unread again for its first owner.
    await setOwner(id, a.id);
    await setOwner(id, b.id);
    expect(await notificationsOf([b.id])).toEqual([{ userId: b.id, kind: 'task_assigned', taskId: id, read: false }]);
    await (await getDb()).update(tasks).set({ status: 'done' }).where(eq(tasks.id, id));
    expect(await notificationsOf([b.id])).toEqual([{ userId: b.id, kind: 'task_assigned', taskId: id, read: true }]);
  });
});

describe('task due', () => {
  it('notifies once per open task due today or tomorrow (or overdue), not snoozed, not for inactive owners; a second run adds nothing', async () => {
    const a = await createUser('csm');
    const gone = await createUser('csm');
    const account = await createAccount({ ownerId: a.id });
    const today = todayIn((await getWorkspace(await getDb())).timeZone);
    const dueToday = await addTask({ accountId: account.id, ownerId: a.id, createdBy: a.id, dueOn: today });
    const dueTomorrow = await addTask({ accountId: account.id, ownerId: a.id, createdBy: a.id, dueOn: addDays(today, 1) });
    const overdue = await addTask({ accountId: account.id, ownerId: a.id, createdBy: a.id, dueOn: addDays(today, -3) });
    await addTask({ accountId: account.id, ownerId: a.id, createdBy: a.id, dueOn: addDays(today, 2) });
    await addTask({ accountId: account.id, ownerId: a.id, createdBy: a.id, dueOn: today, snoozedUntil: addDays(today, 2) });
    await addTask({ accountId: account.id, ownerId: a.id, createdBy: a.id, dueOn: today, status: 'done' });
    await addTask({ accountId: account.id, ownerId: gone.id, createdBy: gone.id, dueOn: today });
    await (await getDb()).update(users).set({ active: false }).where(eq(users.id, gone.id));

    await notifyDue();
    await notifyDue();
    const rows = await notificationsOf([a.id, gone.id]);
    expect(rows.map((r) => r.taskId).sort()).toEqual([dueToday, dueTomorrow, overdue].sort());
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['task_due']));
  });
});

describe('override decided', () => {
  it('tells the requester when a manager approves or rejects their request', async () => {
    const csm = await createUser('csm');
    const manager = await createUser('manager');
    const first = await createAccount({ ownerId: csm.id, name: 'Approved Co' });
    const second = await createAccount({ ownerId: csm.id, name: 'Rejected Co' });
    await signInAs(csm);
    const ids: number[] = [];
    for (const account of [first, second]) {
      const asked = await requestTierOverride(null, { id: account.id, tier: '1', reason: 'Reference customer', until: '' });
      ids.push((asked as { data: { requestId: number } }).data.requestId);
    }
    expect(await countUnread(await getDb(), csm.id)).toBe(0);
    await signInAs(manager);
    expect((await decideOverrideRequest(null, { requestId: ids[0], decision: 'approve', note: '' })).ok).toBe(true);
    expect((await decideOverrideRequest(null, { requestId: ids[1], decision: 'reject', note: 'Not yet' })).ok).toBe(true);
    expect(await countUnread(await getDb(), csm.id)).toBe(2);
    expect((await latestNotifications(await getDb(), csm.id)).map((n) => [n.kind, n.accountName, n.requestedTier, n.decision])).toEqual([
      ['override_decided', 'Rejected Co', 1, 'rejected'],
      ['override_decided', 'Approved Co', 1, 'approved'],
    ]);
    expect(await countUnread(await getDb(), manager.id)).toBe(0);
  });
});

describe('reading the bell', () => {
  it('lists the latest with what they are about, counts unread, and marks one or all read, only the user’s own', async () => {
    const a = await createUser('csm');
    const b = await createUser('csm');
    const account = await createAccount({ ownerId: a.id, name: 'Bell Account' });
    await addTask({ accountId: account.id, ownerId: a.id, title: 'First call', dueOn: '2031-03-04' });
    await addTask({ accountId: account.id, ownerId: a.id, title: 'Second call' });
    await addTask({ accountId: account.id, ownerId: b.id });
    const db = await getDb();
    expect(await countUnread(db, a.id)).toBe(2);
    const list = await latestNotifications(db, a.id);
    expect(list.map((n) => [n.kind, n.taskTitle, n.accountName, n.read, n.taskOpen])).toEqual([
      ['task_assigned', 'Second call', 'Bell Account', false, true],
      ['task_assigned', 'First call', 'Bell Account', false, true],
    ]);
    expect(list[1]).toMatchObject({ dueOn: '2031-03-04', accountId: account.id });
    const firstId = list.find((n) => n.taskTitle === 'First call')!.id;
    // b cannot mark a's notification read.
    expect(await markRead(db, b.id, firstId)).toBe(0);
    expect(await markRead(db, a.id, firstId)).toBe(1);
    expect(await countUnread(db, a.id)).toBe(1);
    expect(await markRead(db, a.id, null)).toBe(1);
    expect(await countUnread(db, a.id)).toBe(0);
    expect(await countUnread(db, b.id)).toBe(1);
  });
});
