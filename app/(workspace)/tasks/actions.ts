'use server';

import { findAccount } from '@/db/queries/accounts';
import { insertActivity } from '@/db/queries/activities';
import { unnotifySelfAssignment } from '@/db/queries/notifications';
import { findActivityType } from '@/db/queries/playbooks';
import { completeTaskRow, findTask, insertTask, reassignTaskRow, snoozeTaskRow, type TaskRef } from '@/db/queries/tasks';
import { findUser } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { assertCanEditAccount, assertCanWorkTask, ownerFor } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/current-user';
import { taskToday } from '@/lib/dates';
import { plannedInstant } from '@/lib/server/booking';
import { completeTaskInput, createTaskInput, reassignTaskInput, snoozeTaskInput } from '@/lib/validation/task';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '@/db/client';

// A task's changes: anyone writes one on an account they may edit; its owner
// (or a manager) completes or snoozes it; managers give it to someone else.
// Each change from the version its user saw.

const conflict = () => new ActionError({ key: 'tasks.conflict' });

async function openTask(tx: DbOrTx, id: number): Promise<TaskRef> {
  const task = await findTask(tx, id);
  if (!task) throw notFoundError();
  if (task.status !== 'open') throw conflict();
  return task;
}

/** A task written by hand: CSMs on their own accounts, for themselves; managers and admins on any, for any active user. */
export const createTask = action({
  name: 'task.create',
  permission: 'tasks.work',
  input: createTaskInput,
  revalidate: ['/tasks', '/', '/accounts'],
  async run({ user, input, tx, audit }) {
    const account = await findAccount(tx, input.accountId);
    if (!account) throw new ActionError({ key: 'tasks.accountMissing' }, 'accountId');
    assertCanEditAccount(user, account);
    const ownerId = ownerFor(user, input.ownerId, user.id) ?? user.id;
    if (ownerId !== user.id && !(await findUser(tx, ownerId))?.active) throw new ActionError({ key: 'tasks.ownerInactive' }, 'ownerId');
    if (input.dueOn < taskToday(await getWorkspace(tx))) throw new ActionError({ key: 'tasks.duePast' }, 'dueOn');
    const id = await insertTask(tx, { ...input, accountId: account.id, ownerId, createdBy: user.id });
    await audit({ action: 'task.create', entity: 'account', entityId: account.id, after: { taskId: id, title: input.title, ownerId, dueOn: input.dueOn, priority: input.priority } });
    return { id };
  },
});

/**
 * The call or meeting a task led to, logged as a completed activity on its
 * account through the activity code (which keeps the touch ledger and the
 * account's last touch in step), in the task's transaction.
 */
async function logTouch(tx: Tx, user: CurrentUser, task: TaskRef, input: z.output<typeof completeTaskInput>) {
  const type = input.activityTypeId === null ? undefined : await findActivityType(tx, input.activityTypeId);
  if (!type?.active || type.touchModel !== 'high') throw new ActionError({ key: 'tasks.touchTypeInvalid' }, 'activityTypeId');
  const { startsAt, timeZone } = await plannedInstant(tx, user, input.touchDate!, input.touchTime!);
  // A logged touch happened: a minute's grace for a clock read a little early.
  if (startsAt.getTime() > Date.now() + 60_000) throw new ActionError({ key: 'tasks.touchFuture' }, 'touchTime');
  const activityId = await insertActivity(tx, {
    accountId: task.accountId,
    activityTypeId: type.id,
    ownerId: user.id,
    startsAt,
    durationMinutes: input.durationMinutes,
    timeZone,
    status: 'completed',
    completedAt: new Date(),
    outcome: input.note,
    createdBy: user.id,
  });
  return { activityId, type: type.id, startsAt, durationMinutes: input.durationMinutes };
}

/** Done, with an optional note of what came of it, and optionally the call or meeting it led to logged as a touch. */
export const completeTask = action({
  name: 'task.complete',
  permission: 'tasks.work',
  input: completeTaskInput,
  revalidate: ['/tasks', '/', '/accounts'],
  async run({ user, input, tx, audit }) {
    const task = await openTask(tx, input.taskId);
    assertCanWorkTask(user, task);
    if (!(await completeTaskRow(tx, { id: task.id, version: input.version, note: input.note, by: user.id }))) throw conflict();
    const touch = input.logTouch ? await logTouch(tx, user, task, input) : null;
    if (touch) await audit({ action: 'activity.complete', entity: 'account', entityId: task.accountId, after: { ...touch, outcome: input.note } });
    await audit({ action: 'task.complete', entity: 'account', entityId: task.accountId, after: { taskId: task.id, title: task.title, note: input.note, activityId: touch?.activityId } });
  },
});

/** Out of the inbox until a later day. */
export const snoozeTask = action({
  name: 'task.snooze',
  permission: 'tasks.work',
  input: snoozeTaskInput,
  revalidate: ['/tasks', '/'],
  async run({ user, input, tx, audit }) {
    const task = await openTask(tx, input.taskId);
    assertCanWorkTask(user, task);
    const today = taskToday(await getWorkspace(tx));
    if (input.until <= today) throw new ActionError({ key: 'tasks.snoozeFuture' }, 'until');
    if (!(await snoozeTaskRow(tx, { id: task.id, version: input.version, until: input.until }))) throw conflict();
    await audit({ action: 'task.snooze', entity: 'account', entityId: task.accountId, after: { taskId: task.id, title: task.title, until: input.until } });
  },
});

/** To another active user (or the manager themselves, who is not notified of it). */
export const reassignTask = action({
  name: 'task.reassign',
  permission: 'tasks.assign',
  input: reassignTaskInput,
  revalidate: ['/tasks', '/'],
  async run({ user, input, tx, audit }) {
    const task = await openTask(tx, input.taskId);
    const owner = await findUser(tx, input.ownerId);
    if (!owner?.active) throw new ActionError({ key: 'tasks.ownerInactive' }, 'ownerId');
    if (!(await reassignTaskRow(tx, { id: task.id, version: input.version, ownerId: owner.id }))) throw conflict();
    // Taken by the manager themselves: no bell for what they just did.
    if (owner.id === user.id && task.ownerId !== user.id) await unnotifySelfAssignment(tx, task.id, user.id);
    await audit({ action: 'task.reassign', entity: 'account', entityId: task.accountId, before: { ownerId: task.ownerId }, after: { taskId: task.id, title: task.title, ownerId: owner.id } });
  },
});
