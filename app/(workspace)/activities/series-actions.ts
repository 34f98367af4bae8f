'use server';

import type { z } from 'zod';
import { insertActivities } from '@/db/queries/activities';
import { findActivityType } from '@/db/queries/playbooks';
import { applySeriesChanges, cancelOccurrencesFrom, findSeriesForUpdate, insertSeries, seriesOccurrencesForUpdate, updateSeries } from '@/db/queries/series';
import { activeColleaguesOf, confirmSeriesWarnings, planningZone, resolveBooking } from '@/lib/server/booking';
import { maxUntil, parseRule, planSeriesEdit, ruleDefaults, ruleFrom, seriesOccurrences } from '@/lib/activities/series';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { assertCanManageActivity } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/current-user';
import { todayIn } from '@/lib/dates';
import { addMonths } from '@/lib/scheduling/local-date';
import { workspaceCalendar } from '@/lib/server/working-calendar';
import type { Tx } from '@/db/client';
import { cancelSeriesRestInput, editSeriesInput, scheduleSeriesInput } from '@/lib/validation/activity';

type RepeatFields = Pick<z.output<typeof scheduleSeriesInput>, 'repeat' | 'interval' | 'weekday' | 'monthDay' | 'nth' | 'until'>;

/** The rule the form asked for (fields it left out come from the start date) and a checked end date. */
function ruleAndUntil(input: RepeatFields, start: string, today: string) {
  const d = ruleDefaults(start);
  const rule = ruleFrom({ freq: input.repeat, interval: input.interval, weekday: input.weekday ?? d.weekday, day: input.monthDay ?? d.day, nth: input.nth ?? d.nth });
  if (input.until < start) throw new ActionError({ key: 'series.untilBeforeStart' }, 'until');
  const max = maxUntil(start, today);
  if (input.until > max) throw new ActionError({ key: 'series.untilTooFar', values: { max } }, 'until');
  return rule;
}

/** The workspace's working days over a series' span (and a month after, for one moved past a closure). Names are not shown: any language. */
const seriesCalendar = (tx: Tx, start: string, until: string) => workspaceCalendar(tx, { from: start, to: addMonths(until, 1), language: 'en' });

/** The series, locked, if this user may change it: like its activities (CSMs: their own, or on their accounts; managers any). */
async function loadSeries(tx: Tx, user: CurrentUser, id: number, version: number) {
  const series = await findSeriesForUpdate(tx, id);
  if (!series) throw notFoundError();
  assertCanManageActivity(user, series);
  if (series.version !== version) throw conflictError();
  return series;
}

/** Books a repeating activity: the series and all its occurrences, in one insert. */
export const scheduleSeries = action({
  name: 'series.schedule',
  permission: 'activities.schedule',
  input: scheduleSeriesInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const { account, ownerId, type, internalAttendees } = await resolveBooking(tx, user, input);
    const timeZone = await planningZone(tx, user);
    const rule = ruleAndUntil(input, input.date, todayIn(timeZone));
    const onClosedDay = input.onClosedDay ?? 'keep';
    const calendar = await seriesCalendar(tx, input.date, input.until);
    const occurrences = seriesOccurrences({ rule, start: input.date, until: input.until, time: input.time, timeZone, onClosedDay, calendar });
    if (!occurrences.length) throw new ActionError({ key: 'series.noOccurrences' }, 'until');
    await confirmSeriesWarnings(tx, {
      ownerId,
      occurrences,
      durationMinutes: input.durationMinutes,
      confirm: input.confirm,
      playbook: { tier: account.tier, activityTypeId: type.id },
    });
    const shared = {
      accountId: account.id,
      activityTypeId: type.id,
      ownerId,
      timeZone,
      durationMinutes: input.durationMinutes,
      location: input.location,
      agenda: input.agenda,
      executiveSponsor: input.executiveSponsor,
      customerAttendees: input.customerAttendees,
      internalAttendees,
      createdBy: user.id,
    };
    const seriesId = await insertSeries(tx, { ...shared, recurrence: rule, startDate: input.date, untilDate: input.until, time: input.time, onClosedDay });
    const ids = await insertActivities(
      tx,
      occurrences.map((o) => ({ ...shared, startsAt: o.startsAt, seriesId, seriesDate: o.date })),
    );
    await audit({
      action: 'series.schedule',
      entity: 'account',
      entityId: account.id,
      after: { seriesId, type: type.id, ownerId, rule, startDate: input.date, untilDate: input.until, time: input.time, timeZone, onClosedDay, occurrences: ids.length },
    });
    return { seriesId, count: ids.length };
  },
});

/**
 * Changes the whole series: its rule, end date, time, duration, place and
 * agenda. Future planned occurrences not edited on their own follow it;
 * past, logged, cancelled and individually edited ones stay as they are.
 */
export const editSeries = action({
  name: 'series.edit',
  permission: 'activities.schedule',
  input: editSeriesInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const series = await loadSeries(tx, user, input.id, input.version);
    const rule = ruleAndUntil(input, series.startDate, todayIn(series.timeZone));
    const existing = await seriesOccurrencesForUpdate(tx, series.id);
    // The choice made when it was booked holds unless the edit makes another.
    const onClosedDay = input.onClosedDay ?? series.onClosedDay;
    const calendar = await seriesCalendar(tx, series.startDate, input.until);
    const plan = planSeriesEdit(existing, { rule, start: series.startDate, until: input.until, time: input.time, timeZone: series.timeZone, onClosedDay, calendar }, new Date());
    if (plan.update.length + plan.insert.length + plan.untouched.length === 0) throw new ActionError({ key: 'series.noOccurrences' }, 'until');

    const internalAttendees =
      input.internalAttendees === undefined ? (series.internalAttendees as number[]) : await activeColleaguesOf(tx, series.ownerId, input.internalAttendees);
    const executiveSponsor = input.executiveSponsor === undefined ? series.executiveSponsor : input.executiveSponsor;
    if (!executiveSponsor && (await findActivityType(tx, series.activityTypeId))?.requiresExecutiveSponsor)
      throw new ActionError({ key: 'activities.sponsorRequired' }, 'executiveSponsor');
    const fields = {
      durationMinutes: input.durationMinutes,
      location: input.location,
      agenda: input.agenda,
      executiveSponsor,
      customerAttendees: input.customerAttendees ?? series.customerAttendees,
      internalAttendees,
    };
    const same = (a: unknown, b: unknown) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
    const fieldsChanged =
      fields.durationMinutes !== series.durationMinutes ||
      fields.location !== series.location ||
      fields.agenda !== series.agenda ||
      fields.executiveSponsor !== series.executiveSponsor ||
      !same(fields.customerAttendees, series.customerAttendees) ||
      !same(fields.internalAttendees, series.internalAttendees);
    const updates = fieldsChanged ? plan.update : plan.update.filter((u) => u.changed);
    const dateOf = new Map(existing.map((o) => [o.id, o.date]));
    const moved = [...updates, ...plan.insert].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await confirmSeriesWarnings(tx, {
      ownerId: series.ownerId,
      occurrences: moved,
      durationMinutes: input.durationMinutes,
      confirm: input.confirm,
      exceptIds: [...plan.update.map((u) => u.id), ...plan.delete],
      removes: plan.delete.map((id) => dateOf.get(id)!).sort(),
    });

    if (!(await updateSeries(tx, series.id, input.version, { recurrence: rule, untilDate: input.until, time: input.time, onClosedDay, ...fields }))) throw conflictError();
    const written = await applySeriesChanges(
      tx,
      { seriesId: series.id, accountId: series.accountId },
      {
        delete: plan.delete,
        update: updates,
        fields,
        insert: plan.insert.map((o) => ({
          accountId: series.accountId,
          activityTypeId: series.activityTypeId,
          ownerId: series.ownerId,
          timeZone: series.timeZone,
          ...fields,
          startsAt: o.startsAt,
          seriesId: series.id,
          seriesDate: o.date,
          createdBy: user.id,
        })),
      },
    );
    await audit({
      action: 'series.edit',
      entity: 'account',
      entityId: series.accountId,
      before: {
        seriesId: series.id,
        rule: parseRule(series.recurrence),
        untilDate: series.untilDate,
        time: series.time,
        onClosedDay: series.onClosedDay,
        durationMinutes: series.durationMinutes,
        location: series.location,
        agenda: series.agenda,
        executiveSponsor: series.executiveSponsor,
        customerAttendees: series.customerAttendees,
        internalAttendees: series.internalAttendees,
      },
      after: { seriesId: series.id, rule, untilDate: input.until, time: input.time, onClosedDay, ...fields, ...written },
    });
    return written;
  },
});

/** Ends a series: cancels every planned occurrence still ahead, with a reason, and ends it today. */
export const cancelSeriesRest = action({
  name: 'series.cancel_rest',
  permission: 'activities.schedule',
  input: cancelSeriesRestInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const series = await loadSeries(tx, user, input.id, input.version);
    const cancelled = await cancelOccurrencesFrom(tx, { seriesId: series.id, accountId: series.accountId }, new Date(), input.reason);
    if (!cancelled) throw new ActionError({ key: 'series.nothingToCancel' });
    const today = todayIn(series.timeZone);
    // Ends today (never before it began, never later than it was going to).
    const until = [series.untilDate, today > series.startDate ? today : series.startDate].sort()[0]!;
    if (!(await updateSeries(tx, series.id, input.version, { untilDate: until }))) throw conflictError();
    await audit({
      action: 'series.cancel_rest',
      entity: 'account',
      entityId: series.accountId,
      before: { seriesId: series.id, untilDate: series.untilDate },
      after: { seriesId: series.id, untilDate: until, cancelled, reason: input.reason },
    });
    return { cancelled };
  },
});
