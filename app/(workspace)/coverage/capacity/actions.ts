'use server';

import { deleteTimeOff, findTimeOff, insertTimeOff } from '@/db/queries/capacity';
import { findUser } from '@/db/queries/users';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { can } from '@/lib/auth/permissions';
import type { CurrentUser } from '@/lib/auth/current-user';
import { addTimeOffInput, removeTimeOffInput } from '@/lib/validation/time-off';

// Time off: a CSM records their own; managers and admins anyone's.
function mayManage(user: CurrentUser, userId: number) {
  if (user.id !== userId && !can(user, 'team.view')) throw new ActionError({ key: 'errors.forbidden' });
}

export const addTimeOff = action({
  name: 'time_off.create',
  permission: 'capacity.read',
  input: addTimeOffInput,
  revalidate: ['/coverage/capacity'],
  async run({ user, input, tx, audit }) {
    mayManage(user, input.userId);
    const person = await findUser(tx, input.userId);
    if (!person || !person.active) throw new ActionError({ key: 'errors.notFound' }, 'userId');
    const id = await insertTimeOff(tx, { ...input, hoursPerDay: String(input.hoursPerDay), createdBy: user.id });
    await audit({ action: 'time_off.create', entity: 'user', entityId: input.userId, after: { id, fromDate: input.fromDate, toDate: input.toDate, hoursPerDay: input.hoursPerDay, note: input.note } });
    return { id };
  },
});

export const removeTimeOff = action({
  name: 'time_off.delete',
  permission: 'capacity.read',
  input: removeTimeOffInput,
  revalidate: ['/coverage/capacity'],
  async run({ user, input, tx, audit }) {
    const entry = await findTimeOff(tx, input.id);
    if (!entry) throw new ActionError({ key: 'errors.notFound' });
    mayManage(user, entry.userId);
    await deleteTimeOff(tx, input.id);
    await audit({ action: 'time_off.delete', entity: 'user', entityId: entry.userId, before: { id: entry.id, fromDate: entry.fromDate, toDate: entry.toDate, hoursPerDay: Number(entry.hoursPerDay), note: entry.note } });
  },
});
