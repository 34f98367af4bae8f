'use server';

import { findActivityForUpdate, insertActivity, nextPlannedOfType, updateActivity, type NewActivity } from '@/db/queries/activities';
import { nextBookingSlot } from '@/lib/activities/next-booking';
import { addMonths } from '@/lib/scheduling/local-date';
import type { ClosedReason } from '@/lib/scheduling/working-days';
import { wallClock } from '@/lib/scheduling/zoned';
import { readerLocale, workspaceCalendar } from '@/lib/server/working-calendar';
import { confirmWarnings, planningZone, playbookRuleFor, plannedInstant, resolveBooking } from '@/lib/server/booking';
import { action } from '@/lib/actions/action';
import { ActionError, NeedsConfirmation, conflictError, notFoundError } from '@/lib/actions/result';
import { earlyCompletion } from '@/lib/activities/completion';
import { assertCanManageActivity, canEditAccount } from '@/lib/auth/access';
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
import { addCadence, type Cadence } from '@/lib/scheduling/cadence';
import type { AuditAction } from '@/lib/audit-actions';

async function loadActivity(tx: Tx, user: CurrentUser, id: number) {
  const activity = await findActivityForUpdate(tx, id);
  if (!activity) throw notFoundError();
  assertCanManageActivity(user, activity);
  return activity;
}

export const scheduleActivity = action({
  name: 'activity.schedule',
  permission: 'activities.schedule',
  input: scheduleActivityInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    // CSMs schedule on accounts they own, for themselves; managers on any account, for any CSM.
    const { account, ownerId, type, internalAttendees } = await resolveBooking(tx, user, input);
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
      internalAttendees,
      createdBy: user.id,
    });
    await audit({ action: 'activity.schedule', entity: 'account', entityId: account.id, after: { activityId: id, type: type.id, startsAt, ownerId, internalAttendees } });
    return { id };
  },
});

export const rescheduleActivity = action({
  name: 'activity.reschedule',
  permission: 'activities.schedule',
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
    const changes: Partial<NewActivity> = { startsAt, durationMinutes: input.durationMinutes };
    if (input.location !== undefined) changes.location = input.location;
    if (input.agenda !== undefined) changes.agenda = input.agenda;
    if (input.executiveSponsor !== undefined) changes.executiveSponsor = input.executiveSponsor;
    // An occurrence changed on its own leaves its series: whole-series edits skip it from now on.
    if (activity.seriesId !== null) changes.seriesDetached = true;
    if (!(await updateActivity(tx, activity.id, input.version, changes))) throw conflictError();
    await audit({
      action: 'activity.reschedule',
      entity: 'account',
      entityId: activity.accountId,
      before: { activityId: activity.id, startsAt: activity.startsAt, durationMinutes: activity.durationMinutes, location: activity.location, agenda: activity.agenda, executiveSponsor: activity.executiveSponsor },
      after: { startsAt, durationMinutes: input.durationMinutes, location: changes.location, agenda: changes.agenda, executiveSponsor: changes.executiveSponsor, seriesId: activity.seriesId },
    });
  },
});

type Loaded = NonNullable<Awaited<ReturnType<typeof findActivityForUpdate>>>;

/** Closes a planned activity (completed, cancelled or no-show), checked and audited the same way. */
function closeActivity<S extends typeof completeActivityInput | typeof cancelActivityInput | typeof markNoShowInput, R = undefined>(
  name: AuditAction,
  input: S,
  change: (input: z.output<S>, activity: Loaded) => { values: Partial<NewActivity>; audited: Record<string, unknown> },
  then?: (tx: Tx, user: CurrentUser, activity: Loaded) => Promise<R>,
) {
  return action({
    name,
    permission: 'activities.schedule',
    input,
    revalidate: ['/accounts'],
    async run({ user, input: raw, tx, audit }): Promise<R> {
      // The wrapper's generics do not reach through this helper; the schema is S.
      const parsed = raw as z.output<S>;
      const activity = await loadActivity(tx, user, parsed.id);
      if (activity.status !== 'planned') throw new ActionError({ key: 'activities.notPlanned' });
      const { values, audited } = change(parsed, activity);
      if (!(await updateActivity(tx, activity.id, parsed.version, values))) throw conflictError();
      await audit({ action: name, entity: 'account', entityId: activity.accountId, after: { activityId: activity.id, ...audited } });
      return (then ? await then(tx, user, activity) : undefined) as R;
    },
  });
}

/** What booking the next one would look like, prefilled from the one just completed. */
export type NextBookingOffer = {
  accountId: number;
  activityTypeId: number;
  ownerId: number;
  date: string;
  time: string;
  /** Set when the interval lands on a weekend, holiday or closed day: the date it would have been and why it moved. */
  moved?: { from: string; reason: ClosedReason };
  durationMinutes: number;
  location: string | null;
  executiveSponsor: string | null;
  customerAttendees: unknown;
  internalAttendees: number[];
  cadence: Cadence;
};
export type CompletionResult = { offer?: NextBookingOffer; nextBookedAt?: Date };

/**
 * After completing an activity the tier's playbook asks for, offer the next
 * one at the playbook's interval, unless one is already booked.
 */
async function nextBooking(tx: Tx, user: CurrentUser, activity: Loaded): Promise<CompletionResult> {
  // A CSM logging an activity on a colleague's account cannot book there: no offer they could not use.
  if (!canEditAccount(user, { ownerId: activity.accountOwnerId })) return {};
  const rule = await playbookRuleFor(tx, activity.accountTier, activity.activityTypeId);
  if (!rule) return {};
  const booked = await nextPlannedOfType(tx, activity.accountId, activity.activityTypeId, activity.startsAt);
  if (booked) return { nextBookedAt: booked.startsAt };
  const cadence = { every: rule.every, unit: rule.unit };
  const timeZone = await planningZone(tx, user);
  const from = wallClock(activity.startsAt, timeZone).date;
  // Through the due date and a little after, for a date moved past a closure at a year's end.
  const calendar = await workspaceCalendar(tx, { from, to: addMonths(addCadence(from, cadence), 1), language: await readerLocale(user) });
  const slot = nextBookingSlot(activity, cadence, timeZone, calendar);
  return {
    offer: {
      accountId: activity.accountId,
      activityTypeId: activity.activityTypeId,
      ownerId: activity.ownerId,
      ...slot,
      durationMinutes: activity.durationMinutes,
      location: activity.location,
      executiveSponsor: activity.executiveSponsor,
      customerAttendees: activity.customerAttendees,
      internalAttendees: (activity.internalAttendees as number[] | null) ?? [],
      cadence,
    },
  };
}

export const completeActivity = closeActivity(
  'activity.complete',
  completeActivityInput,
  (i, activity) => {
    const now = new Date();
    const early = earlyCompletion(activity.startsAt, now, i.confirm);
    if ('warning' in early) throw new NeedsConfirmation([early.warning]);
    return {
      values: { status: 'completed', outcome: i.outcome, nextSteps: i.nextSteps, completedAt: now, ...early },
      audited: { outcome: i.outcome, ...(early.startsAt && { movedFrom: activity.startsAt.toISOString(), startsAt: early.startsAt.toISOString() }) },
    };
  },
  nextBooking,
);

export const cancelActivity = closeActivity('activity.cancel', cancelActivityInput, (i) => ({
  values: { status: 'cancelled', cancelReason: i.reason },
  audited: { reason: i.reason },
}));

export const markNoShow = closeActivity('activity.no_show', markNoShowInput, () => ({ values: { status: 'no_show' }, audited: {} }));
