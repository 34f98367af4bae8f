import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { blankToNull, checkbox, id, version } from '@/lib/actions/validation';
import { isIsoDate } from '@/lib/dates';
import { closedDayChoices } from '@/lib/vocabulary';

const optionalText = (max: number) => z.preprocess(blankToNull, str().max(max, 'validation.tooLong').nullable().default(null));
const requiredText = (max: number, key = 'validation.required') => z.preprocess(blankToNull, str({ error: key }).max(max, 'validation.tooLong'));

const when = {
  date: str({ error: 'validation.required' }).refine(isIsoDate, 'validation.date'),
  time: str({ error: 'validation.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time'),
  durationMinutes: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(5, 'validation.tooSmall').max(1440, 'validation.tooBig'),
  confirm: checkbox,
};

const attendees = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v ?? [];
    if (v.trim() === '') return [];
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z.array(z.object({ name: str().trim().min(1, 'validation.required').max(120, 'validation.tooLong'), role: str().trim().max(120, 'validation.tooLong').default('') })).max(30, 'validation.tooBig'),
);

// Colleagues who join: user ids as a JSON list (one form field), each once.
const internalAttendees = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v ?? [];
    if (v.trim() === '') return [];
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z
    .array(id)
    .max(20, 'validation.tooBig')
    .transform((ids) => [...new Set(ids)]),
);

export const scheduleActivityInput = z.object({
  accountId: id,
  activityTypeId: id,
  ownerId: z.preprocess(blankToNull, id.nullable().default(null)),
  ...when,
  location: optionalText(500),
  agenda: optionalText(5000),
  executiveSponsor: optionalText(200),
  customerAttendees: attendees,
  internalAttendees,
});

// Absent: left as it is; blank: cleared.
const keepOrText = (max: number) => z.preprocess(blankToNull, str().max(max, 'validation.tooLong').nullable()).optional();
export const rescheduleActivityInput = z.object({ id, version, ...when, location: keepOrText(500), agenda: keepOrText(5000), executiveSponsor: keepOrText(200) });
export const completeActivityInput = z.object({ id, version, outcome: requiredText(5000, 'validation.outcomeRequired'), nextSteps: optionalText(5000), confirm: checkbox });
export const cancelActivityInput = z.object({ id, version, reason: requiredText(1000, 'validation.reasonRequired') });
export const markNoShowInput = z.object({ id, version });

// A repeat rule as the form sends it. Fields the frequency does not use may be
// absent; the server fills them from the start date.
const repeat = {
  repeat: z.enum(['weekly', 'monthly', 'monthlyNth'], { error: (issue) => (issue.input === undefined ? 'validation.required' : 'validation.invalid') }),
  interval: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(1, 'validation.tooSmall').max(12, 'validation.tooBig'),
  weekday: z.coerce.number().int().min(0).max(6).optional(),
  monthDay: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(1, 'validation.tooSmall').max(31, 'validation.tooBig').optional(),
  nth: z.coerce
    .number()
    .refine((n) => [1, 2, 3, 4, -1].includes(n), 'validation.invalid')
    .transform((n) => n as 1 | 2 | 3 | 4 | -1)
    .optional(),
  until: str({ error: 'validation.required' }).refine(isIsoDate, 'validation.date'),
  // Occurrences on a weekend, holiday or closed day: stay, skipped, or moved to the next working day.
  onClosedDay: z.enum(closedDayChoices, 'validation.invalid').optional(),
};

export const scheduleSeriesInput = scheduleActivityInput.extend(repeat);
export const editSeriesInput = z.object({
  id,
  version,
  time: when.time,
  durationMinutes: when.durationMinutes,
  confirm: checkbox,
  location: optionalText(500),
  agenda: optionalText(5000),
  // Absent: the series keeps its people; sent: they replace them.
  executiveSponsor: keepOrText(200),
  customerAttendees: attendees.optional(),
  internalAttendees: internalAttendees.optional(),
  ...repeat,
});
export const cancelSeriesRestInput = z.object({ id, version, reason: requiredText(1000, 'validation.reasonRequired') });
