import type * as Navigation from 'next/navigation';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { notifications, tasks, workspaceSettings } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { lastAudit } from '@/tests/audit';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { completeTask, reassignTask, snoozeTask } from './actions';
import TasksPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const tz = 'Asia/Tokyo';
const today = todayIn(tz);

async function task(ownerId: number | null, accountId: number, o: { dueOn?: string; title?: string; values?: Record<string, unknown> } = {}) {
  const [row] = await (await getDb())
    .insert(tasks)
    .values({ accountId, ownerId, title: o.title ?? 'Call about usage', dueOn: o.dueOn ?? today, values: o.values ?? null })
    .returning({ id: tasks.id });
  return row!.id;
}

beforeAll(async () => {
  await (await getDb()).insert(workspaceSettings).values({ id: 1, name: 'Tasks', currency: 'JPY', timeZone: tz }).onConflictDoNothing();
});

describe('the inbox', () => {
  it('shows a CSM their open tasks by when they are due, with why, and nobody else’s', async () => {
    const csm = await createUser('csm', { name: 'Inbox CSM' });
    const other = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id, name: 'Inbox account' });
    await task(csm.id, account.id, { dueOn: addDays(today, -2), title: 'Overdue call', values: { daysSinceSeen: 20 } });
    await task(csm.id, account.id, { dueOn: addDays(today, 3), title: 'Pricing follow-up', values: { pricingViews: 4 } });
    await task(other.id, account.id, { title: 'Someone else’s' });
    await signInAs(csm);
    const html = await renderToHtml(await TasksPage({ searchParams: Promise.resolve({}) }));
    const text = textOf(html);
    // A polite live region above the lists, there before anything is said, so
    // a completion is announced and stays after its row has gone (e2e/tasks.spec.ts).
    const status = html.search(/<div role="status" aria-live="polite" aria-atomic="true"[^>]*><\/div>/);
    expect(status).toBeGreaterThan(-1);
    expect(status).toBeLessThan(html.indexOf('My tasks'));
    expect(text).toContain('Overdue (1)');
    expect(text).toContain('This week (1)');
    expect(text).toContain('Last seen 20 days ago');
    expect(text).toContain('4 pricing-page views');
    expect(text).not.toContain('Someone else’s');
    expect(text).not.toContain('The team’s task load');
  });

  it('shows a manager the unassigned tasks and the team’s load', async () => {
    const manager = await createUser('manager');
    const account = await createAccount({ name: 'Pooled inbox account' });
    await task(null, account.id, { title: 'Nobody’s yet' });
    await signInAs(manager);
    const text = textOf(await renderToHtml(await TasksPage({ searchParams: Promise.resolve({}) })));
    expect(text).toContain('Nobody’s yet');
    expect(text).toContain('The team’s task load');
  });
});

describe('task actions', () => {
  it('complete a task with a note, once, from the version seen', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const id = await task(csm.id, account.id);
    await signInAs(csm);
    expect(await completeTask(null, { taskId: id, version: 1, note: 'Called: renewal on track' })).toEqual({ ok: true, data: undefined });
    const [done] = await (await getDb()).select().from(tasks).where(eq(tasks.id, id));
    expect(done).toMatchObject({ status: 'done', completionNote: 'Called: renewal on track', completedBy: csm.id, version: 2 });
    expect(await lastAudit()).toMatchObject({ action: 'task.complete', entityId: String(account.id), after: { taskId: id, note: 'Called: renewal on track' } });
    expect(await completeTask(null, { taskId: id, version: 2, note: '' })).toEqual({ ok: false, error: { key: 'tasks.conflict' } });
  });

  it('snooze to a later day only, and refuse a stale version', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const id = await task(csm.id, account.id);
    await signInAs(csm);
    expect(await snoozeTask(null, { taskId: id, version: 1, until: today })).toMatchObject({ ok: false, fieldErrors: { until: { key: 'tasks.snoozeFuture' } } });
    expect(await snoozeTask(null, { taskId: id, version: 1, until: 'soon' })).toMatchObject({ ok: false, fieldErrors: { until: { key: 'validation.date' } } });
    expect(await snoozeTask(null, { taskId: id, version: 1, until: addDays(today, 2) })).toMatchObject({ ok: true });
    expect(await snoozeTask(null, { taskId: id, version: 1, until: addDays(today, 4) })).toEqual({ ok: false, error: { key: 'tasks.conflict' } });
    const text = textOf(await renderToHtml(await TasksPage({ searchParams: Promise.resolve({}) })));
    expect(text).not.toContain('Call about usage');
  });

  it('give a task to an active user only', async () => {
    const manager = await createUser('manager');
    const csm = await createUser('csm');
    const gone = await createUser('csm', { active: false });
    const account = await createAccount({ ownerId: csm.id });
    const id = await task(csm.id, account.id);
    await signInAs(manager);
    expect(await reassignTask(null, { taskId: id, version: 1, ownerId: gone.id })).toMatchObject({ ok: false, fieldErrors: { ownerId: { key: 'tasks.ownerInactive' } } });
    expect(await reassignTask(null, { taskId: id, version: 1, ownerId: manager.id })).toMatchObject({ ok: true });
    const [given] = await (await getDb()).select().from(tasks).where(eq(tasks.id, id));
    expect(given).toMatchObject({ ownerId: manager.id, status: 'open' });
  });

  it('tells the new owner of a task given to them, but not a manager who took it themselves', async () => {
    const manager = await createUser('manager');
    const csm = await createUser('csm');
    const other = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const id = await task(csm.id, account.id);
    const bell = async (userId: number) =>
      (await (await getDb()).select({ read: notifications.readAt }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.taskId, id)))).map((n) => (n.read ? 'read' : 'unread'));
    expect(await bell(csm.id)).toEqual(['unread']);
    await signInAs(manager);
    expect(await reassignTask(null, { taskId: id, version: 1, ownerId: manager.id })).toMatchObject({ ok: true });
    expect(await bell(manager.id)).toEqual([]);
    // The one who had it no longer has it waiting in their bell.
    expect(await bell(csm.id)).toEqual([]);
    expect(await reassignTask(null, { taskId: id, version: 2, ownerId: other.id })).toMatchObject({ ok: true });
    expect(await bell(other.id)).toEqual(['unread']);
    expect(await bell(manager.id)).toEqual([]);
  });
});
