import type * as Navigation from 'next/navigation';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { insertAlertRule } from '@/db/queries/alert-rules';
import { listActivityTypes } from '@/db/queries/playbooks';
import { homeInbox } from '@/db/queries/tasks';
import { activities, alertEpisodes, tasks, touches, workspaceSettings } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { formatFor } from '@/lib/format';
import { addDays } from '@/lib/scheduling/local-date';
import { auditRows, lastAudit } from '@/tests/audit';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { completeTask, createTask } from './actions';
import { dismissEpisode, snoozeEpisode } from './episode-actions';
import TasksPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const tz = 'Asia/Tokyo';
const today = todayIn(tz);
const db = () => getDb();

beforeAll(async () => {
  await (await db()).insert(workspaceSettings).values({ id: 1, name: 'Tasks', currency: 'JPY', timeZone: tz }).onConflictDoNothing();
});

const taskRow = async (id: number) => (await (await db()).select().from(tasks).where(eq(tasks.id, id)))[0]!;
const episodeRow = async (id: number) => (await (await db()).select().from(alertEpisodes).where(eq(alertEpisodes.id, id)))[0]!;

/** A task raised by an open episode of a fresh rule on `accountId`. */
async function raised(ownerId: number, accountId: number, o: { snoozedUntil?: string; snoozeReason?: string } = {}) {
  const rule = await insertAlertRule(await db(), { name: `No login ${Math.random().toString(36).slice(2, 7)}`, conditions: [{ kind: 'no_activity', days: 14 }], tiers: [], stages: [], closeAfterDays: 7, taskPriority: 'normal', taskDueDays: 2, enabled: false, createdBy: ownerId });
  const [episode] = await (await db())
    .insert(alertEpisodes)
    .values({ ruleId: rule.id, accountId, openedOn: today, taskOn: today, values: { daysSinceSeen: 20 }, snoozedUntil: o.snoozedUntil ?? null, snoozeReason: o.snoozeReason ?? null })
    .returning({ id: alertEpisodes.id });
  const [task] = await (await db()).insert(tasks).values({ accountId, episodeId: episode!.id, title: rule.name, dueOn: today, ownerId, values: { daysSinceSeen: 20 } }).returning({ id: tasks.id });
  return { taskId: task!.id, episodeId: episode!.id };
}

describe('writing a task by hand', () => {
  it('says what is wrong next to each field and writes nothing', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(csm);
    const res = await createTask(null, { accountId: account.id, title: '  ', dueOn: 'soon', priority: 'urgent', estimateMinutes: '2' });
    expect(res).toMatchObject({
      ok: false,
      fieldErrors: {
        title: { key: 'validation.required' },
        dueOn: { key: 'validation.date' },
        priority: { key: 'validation.invalid' },
        estimateMinutes: { key: 'validation.tooSmall', values: { min: 5 } },
      },
    });
    expect(Object.keys((res as { fieldErrors: object }).fieldErrors).sort()).toEqual(['dueOn', 'estimateMinutes', 'priority', 'title']);
    expect(await createTask(null, { accountId: account.id, title: 'Call', dueOn: addDays(today, -1) })).toEqual({ ok: false, fieldErrors: { dueOn: { key: 'tasks.duePast' } } });
    expect(await (await db()).select().from(tasks).where(eq(tasks.accountId, account.id))).toEqual([]);
  });

  it('lets a CSM write one on their own account, for themself, and lands it in their inbox', async () => {
    const csm = await createUser('csm');
    const other = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(csm);
    const res = await createTask(null, { accountId: account.id, title: 'Send the renewal deck', why: 'Asked on the call', dueOn: today, priority: 'high', ownerId: other.id });
    expect(res.ok).toBe(true);
    const id = (res as { data: { id: number } }).data.id;
    expect(await taskRow(id)).toMatchObject({ ownerId: csm.id, episodeId: null, status: 'open', priority: 'high', why: 'Asked on the call', estimateMinutes: 30, createdBy: csm.id, dueOn: today });
    expect(await lastAudit()).toMatchObject({ action: 'task.create', entityId: String(account.id), after: { taskId: id, title: 'Send the renewal deck', ownerId: csm.id } });
    const text = textOf(await renderToHtml(await TasksPage({ searchParams: Promise.resolve({}) })));
    expect(text).toContain('Due today (1)');
    expect(text).toContain('Send the renewal deck');
    expect(text).toContain('Asked on the call');
  });

  it('refuses a CSM a task on another CSM’s account', async () => {
    const csm = await createUser('csm');
    const theirs = await createAccount({ ownerId: (await createUser('csm')).id });
    await signInAs(csm);
    expect(await createTask(null, { accountId: theirs.id, title: 'Poach', dueOn: today })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    expect(await auditRows('access.denied')).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: csm.id, entity: 'action:task.create' })]));
    expect(await (await db()).select().from(tasks).where(eq(tasks.accountId, theirs.id))).toEqual([]);
  });

  it('lets a manager give it to an active user only, and a missing account is an account field error', async () => {
    const manager = await createUser('manager');
    const csm = await createUser('csm');
    const gone = await createUser('csm', { active: false });
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(manager);
    expect(await createTask(null, { accountId: account.id, title: 'Check in', dueOn: today, ownerId: gone.id })).toEqual({ ok: false, fieldErrors: { ownerId: { key: 'tasks.ownerInactive' } } });
    expect(await createTask(null, { accountId: 2_000_000, title: 'Check in', dueOn: today })).toEqual({ ok: false, fieldErrors: { accountId: { key: 'tasks.accountMissing' } } });
    const res = (await createTask(null, { accountId: account.id, title: 'Check in', dueOn: addDays(today, 3), ownerId: csm.id, estimateMinutes: '45' })) as { ok: true; data: { id: number } };
    expect(await taskRow(res.data.id)).toMatchObject({ ownerId: csm.id, estimateMinutes: 45 });
  });

  it('offers a CSM only their own accounts in the picker', async () => {
    const csm = await createUser('csm');
    const mine = await createAccount({ ownerId: csm.id, name: `Picker mine ${csm.id}` });
    await createAccount({ ownerId: (await createUser('csm')).id, name: `Picker theirs ${csm.id}` });
    await signInAs(csm);
    const html = await renderToHtml(await TasksPage({ searchParams: Promise.resolve({ new: '1', account: 'Picker' }) }));
    expect(html).toContain(`value="${mine.id}"`);
    expect(textOf(html)).toContain(mine.name);
    expect(textOf(html)).not.toContain(`Picker theirs ${csm.id}`);
  });
});

describe('completing a task by logging the call', () => {
  async function setUp() {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const [task] = await (await db()).insert(tasks).values({ accountId: account.id, title: 'Call about usage', dueOn: today, ownerId: csm.id }).returning({ id: tasks.id });
    const type = (await listActivityTypes(await db())).find((t) => t.key === 'regular_meeting')!;
    await signInAs(csm);
    return { csm, account, taskId: task!.id, typeId: type.id };
  }
  const past = new Date(Date.now() - 2 * 3_600_000);
  const wall = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(past);
  const part = (k: string) => wall.find((p) => p.type === k)!.value;
  const when = { touchDate: `${part('year')}-${part('month')}-${part('day')}`, touchTime: `${part('hour')}:${part('minute')}` };

  it('closes the task and logs a completed activity with a touch-ledger row, in one go', async () => {
    const { csm, account, taskId, typeId } = await setUp();
    const res = await completeTask(null, { taskId, version: 1, note: 'Budget approved', logTouch: 'on', activityTypeId: typeId, ...when, durationMinutes: '20' });
    expect(res).toEqual({ ok: true, data: undefined });
    expect(await taskRow(taskId)).toMatchObject({ status: 'done', completionNote: 'Budget approved' });
    const [activity] = await (await db()).select().from(activities).where(eq(activities.accountId, account.id));
    expect(activity).toMatchObject({ status: 'completed', activityTypeId: typeId, ownerId: csm.id, outcome: 'Budget approved', durationMinutes: 20, timeZone: tz });
    const ledger = await (await db()).select().from(touches).where(and(eq(touches.accountId, account.id), eq(touches.activityId, activity!.id)));
    expect(ledger).toMatchObject([{ kind: 'activity_completed', touchModel: 'high', occurredAt: activity!.startsAt }]);
    expect((await findAccount(await db(), account.id))!.lastTouchAt).toEqual(activity!.startsAt);
    expect(await lastAudit()).toMatchObject({ action: 'task.complete', after: { taskId, activityId: activity!.id } });
    expect((await auditRows('activity.complete'))[0]).toMatchObject({ entityId: String(account.id), after: { activityId: activity!.id, type: typeId, outcome: 'Budget approved' } });
  });

  it('leaves the task open and logs nothing when the touch is refused', async () => {
    const { account, taskId, typeId } = await setUp();
    const future = { touchDate: addDays(today, 1), touchTime: '10:00' };
    expect(await completeTask(null, { taskId, version: 1, note: '', logTouch: 'on', activityTypeId: typeId, ...future })).toEqual({ ok: false, fieldErrors: { touchTime: { key: 'tasks.touchFuture' } } });
    expect(await completeTask(null, { taskId, version: 1, note: '', logTouch: 'on', activityTypeId: '', ...when })).toMatchObject({ ok: false, fieldErrors: { activityTypeId: { key: 'validation.required' } } });
    expect(await taskRow(taskId)).toMatchObject({ status: 'open', version: 1 });
    expect(await (await db()).select().from(activities).where(eq(activities.accountId, account.id))).toEqual([]);
    expect(await (await db()).select().from(touches).where(eq(touches.accountId, account.id))).toEqual([]);
  });

  it('completes without a touch when the box is not ticked, whatever else the form sent', async () => {
    const { account, taskId, typeId } = await setUp();
    expect(await completeTask(null, { taskId, version: 1, note: 'Left a message', activityTypeId: typeId, ...when })).toMatchObject({ ok: true });
    expect(await (await db()).select().from(activities).where(eq(activities.accountId, account.id))).toEqual([]);
  });
});

describe('the alert episode behind a task', () => {
  it('dismissing it, with a reason, cancels its open task', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const { taskId, episodeId } = await raised(csm.id, account.id);
    await signInAs(csm);
    expect(await dismissEpisode(null, { taskId, episodeVersion: 1, reason: ' ' })).toMatchObject({ ok: false, fieldErrors: { reason: { key: 'validation.required' } } });
    expect(await dismissEpisode(null, { taskId, episodeVersion: 1, reason: 'Seasonal dip' })).toEqual({ ok: true, data: undefined });
    expect(await episodeRow(episodeId)).toMatchObject({ dismissedOn: today, dismissReason: 'Seasonal dip', version: 2, closedOn: null });
    expect(await taskRow(taskId)).toMatchObject({ status: 'cancelled', version: 2 });
    expect(await lastAudit()).toMatchObject({ action: 'alert.dismiss', entityId: String(account.id), after: { episodeId, reason: 'Seasonal dip', taskId } });
    expect(await dismissEpisode(null, { taskId, episodeVersion: 1, reason: 'Again' })).toEqual({ ok: false, error: { key: 'tasks.episodeChanged' } });
  });

  it('snoozing it quiets the task until the same day, from the version seen only', async () => {
    const csm = await createUser('csm');
    const manager = await createUser('manager');
    const account = await createAccount({ ownerId: csm.id });
    const { taskId, episodeId } = await raised(csm.id, account.id);
    await signInAs(manager);
    expect(await snoozeEpisode(null, { taskId, episodeVersion: 1, until: today, reason: 'Holiday' })).toEqual({ ok: false, fieldErrors: { until: { key: 'tasks.snoozeFuture' } } });
    expect(await snoozeEpisode(null, { taskId, episodeVersion: 1, until: addDays(today, 5), reason: 'Holiday' })).toEqual({ ok: true, data: undefined });
    expect(await episodeRow(episodeId)).toMatchObject({ snoozedUntil: addDays(today, 5), snoozeReason: 'Holiday', version: 2 });
    expect(await taskRow(taskId)).toMatchObject({ status: 'open', snoozedUntil: addDays(today, 5) });
    expect(await lastAudit()).toMatchObject({ action: 'alert.snooze', actorId: manager.id, after: { until: addDays(today, 5), reason: 'Holiday' } });
    expect(await snoozeEpisode(null, { taskId, episodeVersion: 1, until: addDays(today, 9), reason: 'Longer' })).toEqual({ ok: false, error: { key: 'tasks.episodeChanged' } });
    expect(await episodeRow(episodeId)).toMatchObject({ snoozedUntil: addDays(today, 5), version: 2 });
  });

  it('snoozing needs no reason (dismissing does): the row and the audit read without one', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const { taskId, episodeId } = await raised(csm.id, account.id);
    await signInAs(csm);
    expect(await snoozeEpisode(null, { taskId, episodeVersion: 1, until: addDays(today, 3), reason: '  ' })).toEqual({ ok: true, data: undefined });
    expect(await episodeRow(episodeId)).toMatchObject({ snoozedUntil: addDays(today, 3), snoozeReason: null, version: 2 });
    expect(await taskRow(taskId)).toMatchObject({ status: 'open', snoozedUntil: addDays(today, 3) });
    expect(await lastAudit()).toMatchObject({ action: 'alert.snooze', after: { episodeId, until: addDays(today, 3), reason: null, taskId } });
    expect(await dismissEpisode(null, { taskId, episodeVersion: 2, reason: '' })).toMatchObject({ ok: false, fieldErrors: { reason: { key: 'validation.required' } } });

    // Back in the inbox on that day, the row says it was snoozed, with no dangling colon.
    await (await db()).update(alertEpisodes).set({ snoozedUntil: today }).where(eq(alertEpisodes.id, episodeId));
    await (await db()).update(tasks).set({ snoozedUntil: null }).where(eq(tasks.id, taskId));
    const text = textOf(await renderToHtml(await TasksPage({ searchParams: Promise.resolve({}) })));
    const line = `Alert snoozed until ${formatFor('en', tz).date(today)}`;
    expect(text).toContain(line);
    expect(text).not.toContain(`${line}:`);
    expect(text).toContain('Complete · Snooze alert · Dismiss alert'); // the episode is still open: its forms are offered
  });

  it('refuses a task written by hand: there is no alert behind it', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const [task] = await (await db()).insert(tasks).values({ accountId: account.id, title: 'By hand', dueOn: today, ownerId: csm.id }).returning({ id: tasks.id });
    await signInAs(csm);
    expect(await dismissEpisode(null, { taskId: task!.id, episodeVersion: 1, reason: 'No' })).toEqual({ ok: false, error: { key: 'tasks.noEpisode' } });
  });

  it('shows on the task row what was decided, with the date in the app’s format', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await raised(csm.id, account.id, { snoozedUntil: today, snoozeReason: 'Back from holiday' });
    await signInAs(csm);
    const text = textOf(await renderToHtml(await TasksPage({ searchParams: Promise.resolve({}) })));
    expect(text).toContain(`Alert snoozed until ${formatFor('en', tz).date(today)}: Back from holiday`);
    expect(text).toContain('Snooze alert');
  });
});

describe('the home inbox', () => {
  it('groups a user’s open tasks due this week in one query: the first few of each, and how many', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    const add = (dueOn: string, title: string, snoozedUntil: string | null = null) => ({ accountId: account.id, ownerId: csm.id, dueOn, title, snoozedUntil });
    await (await db()).insert(tasks).values([
      add(addDays(today, -3), 'Late 1'),
      add(addDays(today, -2), 'Late 2'),
      add(addDays(today, -1), 'Late 3'),
      add(addDays(today, -1), 'Late 4'),
      add(today, 'Today'),
      add(addDays(today, 6), 'This week'),
      add(addDays(today, 7), 'Next week'),
      add(today, 'Snoozed', addDays(today, 2)),
    ]);
    const inbox = await homeInbox(await db(), { ownerId: csm.id, today, limit: 3 });
    expect(inbox.overdue.count).toBe(4);
    expect(inbox.overdue.tasks.map((t) => t.title)).toEqual(['Late 1', 'Late 2', 'Late 3']);
    expect(inbox.today).toMatchObject({ count: 1, tasks: [{ title: 'Today' }] });
    expect(inbox.week).toMatchObject({ count: 1, tasks: [{ title: 'This week' }] });
  });
});
