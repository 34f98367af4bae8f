import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { blankToNull, id, text } from '@/lib/actions/validation';
import { isIsoDate } from '@/lib/dates';
import { isTimeZone } from '@/lib/time-zones';
import { contactLanguages } from '@/lib/vocabulary';

const optionalText = (max: number) => z.preprocess(blankToNull, str().max(max, 'validation.tooLong').nullable().default(null));

/** A form sends one checkbox per tier (`tier.1=on`) and per host (`host.12=on`); code sends `tiers` and `hostIds`. */
function collectChecks(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const on = (prefix: string) =>
    Object.keys(v)
      .filter((k) => k.startsWith(prefix) && (v[k] === 'on' || v[k] === true))
      .map((k) => Number(k.slice(prefix.length)));
  return { ...v, tiers: v.tiers ?? on('tier.'), hostIds: v.hostIds ?? on('host.') };
}

const onlineUrl = z.preprocess(
  blankToNull,
  str()
    .max(2000, 'validation.tooLong')
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'validation.url')
    .nullable()
    .default(null),
);

/** One session: when (a date and time in a zone), how long, where, how many seats, preparation hours. */
export const sessionFields = {
  date: str({ error: 'validation.required' }).refine(isIsoDate, 'validation.date'),
  time: str({ error: 'validation.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time'),
  timeZone: str({ error: 'validation.required' }).refine(isTimeZone, 'validation.timeZone'),
  durationMinutes: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(5, 'validation.tooSmall').max(1440, 'validation.tooBig'),
  onlineUrl,
  venue: optionalText(500),
  capacity: z.preprocess(blankToNull, z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(1, 'validation.tooSmall').max(100_000, 'validation.tooBig').nullable().default(null)),
  preparationHours: z.preprocess(
    (v) => blankToNull(v) ?? '0',
    z.coerce.number({ error: 'validation.number' }).min(0, 'validation.tooSmall').max(200, 'validation.tooBig').transform((n) => String(Math.round(n * 100) / 100)),
  ),
};

const whereToMeet = <T extends { onlineUrl: string | null; venue: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.onlineUrl === null && v.venue === null) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'programs.errors.linkOrVenue' });
};

export const createProgramInput = z.preprocess(
  collectChecks,
  z
    .object({
      kindId: id,
      title: text(200),
      description: optionalText(5000),
      language: z.preprocess(blankToNull, z.enum(contactLanguages, 'validation.invalid').nullable().default(null)),
      tiers: z.array(z.coerce.number().int().min(1).max(3)).max(3).transform((t) => [...new Set(t)].sort()),
      hostIds: z.array(id).max(20, 'validation.tooBig').transform((ids) => [...new Set(ids)]),
      ...sessionFields,
    })
    .superRefine(whereToMeet),
);

export const addSessionInput = z.object({ programId: id, ...sessionFields }).superRefine(whereToMeet);

/** Invite one account's contacts, chosen contacts, or an audience's (a query string, as the account list's). */
export const inviteInput = z
  .object({
    sessionId: id,
    accountId: z.preprocess(blankToNull, id.nullable().default(null)),
    audience: z.preprocess(blankToNull, str().max(2000).nullable().default(null)),
    contactIds: z.preprocess((v) => (typeof v === 'string' ? (v.trim() ? v.split(',') : []) : (v ?? [])), z.array(id).max(1000, 'validation.tooBig')),
    // The count the user saw: if the audience changed since, nobody is invited.
    expected: z.coerce.number().int().min(0).optional(),
  })
  .refine((v) => [v.accountId !== null, v.audience !== null, v.contactIds.length > 0].filter(Boolean).length === 1, { path: ['accountId'], message: 'validation.required' });

/** Attendance marked by hand for some invitations of a session. */
export const markAttendanceInput = z.object({
  sessionId: id,
  invitationIds: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(id).min(1, 'validation.required').max(1000, 'validation.tooBig')),
  status: z.enum(['attended', 'no_show'], 'validation.invalid'),
  minutes: z.preprocess(blankToNull, z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(0, 'validation.tooSmall').max(1440, 'validation.tooBig').nullable().default(null)),
});

/** What an invitee does on their public page. */
export const respondInput = z.object({ answer: z.enum(['register', 'decline'], 'validation.invalid') });

export const maxReportMegabytes = 10;

/** An attendee report as exported by Zoom or Teams, for one session. */
export const importAttendanceInput = z.object({
  sessionId: id,
  file: z
    .custom<File>((v) => typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function', 'validation.fileEmpty')
    .refine((f) => f.size > 0, 'validation.fileEmpty')
    .refine((f) => f.size <= maxReportMegabytes * 1024 * 1024, 'validation.fileTooLarge'),
});
