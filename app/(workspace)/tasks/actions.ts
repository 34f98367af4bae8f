'use server';

import { completeTaskRow, findTask, reassignTaskRow, snoozeTaskRow, type TaskRef } from '@/db/queries/tasks';
import { findUser } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { assertCanWorkTask } from '@/lib/auth/access';
import { todayIn } from '@/lib/dates';
import { completeTaskInput, reassignTaskInput, snoozeTaskInput } from '@/lib/validation/task';
import type { DbOrTx } from '@/db/client';

// A task's changes: its owner (or a manager) completes or snoozes it;
// managers give it to someone else. Each from the version its user saw.

const conflict = () => new ActionError({ key: 'tasks.conflict' });

async function openTask(tx: DbOrTx, id: number): Promise<TaskRef> {
  const task = await findTask(tx, id);
  if (!task) throw notFoundError();
  if (task.status !== 'open') throw conflict();
  return task;
}

/** Done, with an optional note of what came of it. */
export const completeTask = action({
  name: 'task.complete',
  permission: 'tasks.work',
  input: completeTaskInput,
  revalidate: ['/tasks', '/'],
  async run({ user, input, tx, audit }) {
    const task = await openTask(tx, input.taskId);
    assertCanWorkTask(user, task);
    if (!(await completeTaskRow(tx, { id: task.id, version: input.version, note: input.note, by: user.id }))) throw conflict();
    await audit({ action: 'task.complete', entity: 'account', entityId: task.accountId, after: { taskId: task.id, title: task.title, note: input.note } });
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
    const today = todayIn((await getWorkspace(tx)).timeZone);
    if (input.until <= today) throw new ActionError({ key: 'tasks.snoozeFuture' }, 'until');
    if (!(await snoozeTaskRow(tx, { id: task.id, version: input.version, until: input.until }))) throw conflict();
    await audit({ action: 'task.snooze', entity: 'account', entityId: task.accountId, after: { taskId: task.id, title: task.title, until: input.until } });
  },
});

/** To another active user. */
export const reassignTask = action({
  name: 'task.reassign',
  permission: 'tasks.assign',
  input: reassignTaskInput,
  revalidate: ['/tasks', '/'],
  async run({ input, tx, audit }) {
    const task = await openTask(tx, input.taskId);
    const owner = await findUser(tx, input.ownerId);
    if (!owner?.active) throw new ActionError({ key: 'tasks.ownerInactive' }, 'ownerId');
    if (!(await reassignTaskRow(tx, { id: task.id, version: input.version, ownerId: owner.id }))) throw conflict();
    await audit({ action: 'task.reassign', entity: 'account', entityId: task.accountId, before: { ownerId: task.ownerId }, after: { taskId: task.id, title: task.title, ownerId: owner.id } });
  },
});
