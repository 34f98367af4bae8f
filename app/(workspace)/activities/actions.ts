'use server';

import { findAccount } from '@/db/queries/accounts';
import { findActivityForUpdate, insertActivity, updateActivity } from '@/db/queries/activities';
import { findActivityType } from '@/db/queries/playbooks';
import { assertOwnerIsCsm } from '@/lib/accounts/write';
import { confirmWarnings, plannedInstant } from '@/lib/activities/schedule';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { assertCanEditAccount, assertCanManageActivity } from '@/lib/auth/access';
import { roles } from '@/lib/auth/roles';
import type { Tx } from '@/db/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  cancelActivityInput,
  completeActivityInput,
  markNoShowInput,
  rescheduleActivityInput,
  scheduleActivityInput,
} from '@/lib/validation/activity';

async function loadActivity(tx: Tx, user: CurrentUser, id: number) {
  const activity = await findActivityForUpdate(tx, id);
  if (!activity) throw notFoundError();
  assertCanManageActivity(user, activity);
  return activity;
}

export const scheduleActivity = action({
  name: 'activity.schedule',
  roles,
  input: scheduleActivityInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const account = await findAccount(tx, input.accountId);
    if (!account) throw notFoundError();
    // CSMs schedule on accounts they own, for themselves; managers on any account, for any CSM.
    assertCanEditAccount(user, account);
    const ownerId = user.role === 'csm' ? user.id : (input.ownerId ?? account.ownerId);
    if (ownerId === null) throw new ActionError({ key: 'activities.ownerRequired' }, 'ownerId');
    if (user.role !== 'csm') await assertOwnerIsCsm(tx, ownerId);
    const type = await findActivityType(tx, input.activityTypeId);
    if (!type || !type.active) throw new ActionError({ key: 'playbooks.typeUnavailable' }, 'activityTypeId');
    if (type.requiresExecutiveSponsor && !input.executiveSponsor) throw new ActionError({ key: 'activities.sponsorRequired' }, 'executiveSponsor');
    const { startsAt, timeZone } = await plannedInstant(tx, user, input.date, input.time);
    await confirmWarnings(tx, { ownerId, startsAt, durationMinutes: input.durationMinutes, tier: account.tier, activityTypeId: type.id, confirm: input.confirm });
    const id = await insertActivity(tx, {
      accountId: account.id,
      activityTypeId: type.id,
      ownerId,
      startsAt,
      durationMinutes: input.durationMinutes,
      timeZone,
      location: input.location,
      agenda: input.agenda,
      executiveSponsor: input.executiveSponsor,
      customerAttendees: input.customerAttendees,
      createdBy: user.id,
    });
    await audit({ action: 'activity.schedule', entity: 'account', entityId: account.id, after: { activityId: id, type: type.id, startsAt, ownerId } });
    return { id };
  },
});

export const rescheduleActivity = action({
  name: 'activity.reschedule',
  roles,
  input: rescheduleActivityInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const activity = await loadActivity(tx, user, input.id);
    if (activity.status !== 'planned') throw new ActionError({ key: 'activities.notPlanned' });
    const { startsAt } = await plannedInstant(tx, { timeZone: activity.timeZone }, input.date, input.time);
    await confirmWarnings(tx, {
      ownerId: activity.ownerId,
      startsAt,
      durationMinutes: input.durationMinutes,
      tier: activity.accountTier,
      activityTypeId: activity.activityTypeId,
      confirm: input.confirm,
      exceptId: activity.id,
    });
    if (!(await updateActivity(tx, activity.id, input.version, { startsAt, durationMinutes: input.durationMinutes }))) throw conflictError();
    await audit({ action: 'activity.reschedule', entity: 'account', entityId: activity.accountId, before: { activityId: activity.id, startsAt: activity.startsAt }, after: { startsAt } });
  },
});

export const completeActivity = action({
  name: 'activity.complete',
  roles,
  input: completeActivityInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const activity = await loadActivity(tx, user, input.id);
    if (activity.status !== 'planned') throw new ActionError({ key: 'activities.notPlanned' });
    const ok = await updateActivity(tx, activity.id, input.version, { status: 'completed', outcome: input.outcome, nextSteps: input.nextSteps, completedAt: new Date() });
    if (!ok) throw conflictError();
    await audit({ action: 'activity.complete', entity: 'account', entityId: activity.accountId, after: { activityId: activity.id, outcome: input.outcome } });
  },
});

export const cancelActivity = action({
  name: 'activity.cancel',
  roles,
  input: cancelActivityInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const activity = await loadActivity(tx, user, input.id);
    if (activity.status !== 'planned') throw new ActionError({ key: 'activities.notPlanned' });
    if (!(await updateActivity(tx, activity.id, input.version, { status: 'cancelled', cancelReason: input.reason }))) throw conflictError();
    await audit({ action: 'activity.cancel', entity: 'account', entityId: activity.accountId, after: { activityId: activity.id, reason: input.reason } });
  },
});

export const markNoShow = action({
  name: 'activity.no_show',
  roles,
  input: markNoShowInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const activity = await loadActivity(tx, user, input.id);
    if (activity.status !== 'planned') throw new ActionError({ key: 'activities.notPlanned' });
    if (!(await updateActivity(tx, activity.id, input.version, { status: 'no_show' }))) throw conflictError();
    await audit({ action: 'activity.no_show', entity: 'account', entityId: activity.accountId, after: { activityId: activity.id } });
  },
});
