import { z } from 'zod';
import { blankToNull, checkbox, text, version, wholeNumber } from '@/lib/actions/validation';
import { taskPriorities } from '@/lib/alerts/rule';
import { isIsoDate } from '@/lib/dates';
import { id, str } from '@/lib/validation/input';

const isoDate = str({ error: 'validation.date' }).trim().refine(isIsoDate, 'validation.date');
const task = { taskId: id, version };
const optionalText = (max: number) => z.preprocess(blankToNull, str().max(max, 'validation.tooLong').nullable().default(null));
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A task written by hand (no alert behind it); the owner defaults to its writer (the action decides who may choose). */
export const createTaskInput = z.object({
  accountId: id,
  title: text(200),
  why: optionalText(2000),
  priority: z.enum(taskPriorities, { error: 'validation.invalid' }).default('normal'),
  dueOn: isoDate,
  ownerId: z.preprocess(blankToNull, id.nullable().default(null)),
  estimateMinutes: z.preprocess(blankToUndefined, wholeNumber(5, 1440).default(30)),
});

const time = str({ error: 'validation.required' }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

/**
 * Done, with what came of it; optionally logging the call or meeting it led
 * to as a completed activity (its type, when, how long), which the form sends
 * only when its box is ticked.
 */
export const completeTaskInput = z
  .object({
    ...task,
    note: optionalText(2000),
    logTouch: checkbox.default(false),
    activityTypeId: z.preprocess(blankToNull, id.nullable().default(null)),
    touchDate: z.preprocess(blankToNull, isoDate.nullable().default(null)),
    touchTime: z.preprocess(blankToNull, time.nullable().default(null)),
    durationMinutes: z.preprocess(blankToUndefined, wholeNumber(5, 1440).default(30)),
  })
  .superRefine((v, ctx) => {
    if (!v.logTouch) return;
    for (const field of ['activityTypeId', 'touchDate', 'touchTime'] as const) {
      if (v[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    }
  });

/** Out of the inbox until a day (after today: checked by the action). */
export const snoozeTaskInput = z.object({ ...task, until: isoDate });

/** To another active user. */
export const reassignTaskInput = z.object({ ...task, ownerId: id });

/** The alert episode behind a task, from the version shown: quiet until a day (after today), with why if the user says (a snooze is light: the alert comes back). */
export const snoozeEpisodeInput = z.object({ taskId: id, episodeVersion: version, until: isoDate, reason: optionalText(500) });

/** The alert episode behind a task: never again in this episode, with why (required: a dismissal silences the rule); its open task is cancelled. */
export const dismissEpisodeInput = z.object({ taskId: id, episodeVersion: version, reason: text(500) });
