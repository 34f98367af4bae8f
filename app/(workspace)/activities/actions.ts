'use server';

import { findAccount } from '@/db/queries/accounts';
import { findActivityForUpdate, insertActivity, updateActivity, type NewActivity } from '@/db/queries/activities';
import { findActivityType } from '@/db/queries/playbooks';
import { assertOwnerIsCsm } from '@/lib/accounts/write';
import { confirmWarnings, plannedInstant } from '@/lib/activities/schedule';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { assertCanEditAccount, assertCanManageActivity } from '@/lib/auth/access';
import { roles } from '@/lib/auth/roles';
import type { z } from 'zod';
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

/** Closes a planned activity (completed, cancelled or no-show), checked and audited the same way. */
function closeActivity<S extends typeof completeActivityInput | typeof cancelActivityInput | typeof markNoShowInput>(
  name: string,
  input: S,
  change: (input: z.output<S>) => { values: Partial<NewActivity>; audited: Record<string, unknown> },
) {
  return action({
    name,
    roles,
    input,
    revalidate: ['/accounts'],
    async run({ user, input: raw, tx, audit }) {
      // The wrapper's generics do not reach through this helper; the schema is S.
      const parsed = raw as z.output<S>;
      const activity = await loadActivity(tx, user, parsed.id);
      if (activity.status !== 'planned') throw new ActionError({ key: 'activities.notPlanned' });
      const { values, audited } = change(parsed);
      if (!(await updateActivity(tx, activity.id, parsed.version, values))) throw conflictError();
      await audit({ action: name, entity: 'account', entityId: activity.accountId, after: { activityId: activity.id, ...audited } });
    },
  });
}

export const completeActivity = closeActivity('activity.complete', completeActivityInput, (i) => ({
  values: { status: 'completed', outcome: i.outcome, nextSteps: i.nextSteps, completedAt: new Date() },
  audited: { outcome: i.outcome },
}));

export const cancelActivity = closeActivity('activity.cancel', cancelActivityInput, (i) => ({
  values: { status: 'cancelled', cancelReason: i.reason },
  audited: { reason: i.reason },
}));

export const markNoShow = closeActivity('activity.no_show', markNoShowInput, () => ({ values: { status: 'no_show' }, audited: {} }));
