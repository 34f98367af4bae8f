import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { text, version, wholeNumber } from '@/lib/actions/validation';
import { currencies } from '@/lib/currencies';
import { isIsoDate } from '@/lib/dates';
import { isHolidayCountry } from '@/lib/scheduling/holidays';
import { isTimeZone } from '@/lib/time-zones';
import { decimal } from './account';

/** 'MM-DD' of a day that exists in some year (02-29 included). */
const isMonthDay = (v: string) => /^\d{2}-\d{2}$/.test(v) && isIsoDate(`2028-${v}`);

// One closed day or range: dates once, or MM-DD every year (a yearly range may run over New Year).
const closure = z
  .object({
    label: str().trim().max(100, 'validation.tooLong').default(''),
    yearly: z.boolean().default(false),
    from: str({ error: 'validation.required' }).trim(),
    to: str().trim().default(''),
  })
  .transform((c) => ({ ...c, to: c.to || c.from }))
  .superRefine((c, ctx) => {
    const valid = c.yearly ? isMonthDay : isIsoDate;
    if (!valid(c.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: c.yearly ? 'validation.monthDay' : 'validation.date' });
    else if (!valid(c.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: c.yearly ? 'validation.monthDay' : 'validation.date' });
    // A one-off range runs forward and at most a year; a yearly one may wrap (12-29 → 01-03).
    else if (!c.yearly && (c.to < c.from || Date.parse(c.to) - Date.parse(c.from) > 366 * 86_400_000))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.closedDayRange' });
  });

/**
 * A setting the form may leave out (absent: kept as it is) but not blank:
 * typed as people write amounts ("8,000", "¥8,000"); whether it fits the
 * currency's minor units is checked by the action against the currency saved with it.
 */
const setting = (inner: z.ZodType<string | null>) => z.preprocess((v) => v ?? '', inner.refine((v) => v !== null, 'validation.required')).optional();
const moneySetting = () => setting(decimal(6, 99_999_999_999_999, 'validation.money'));

export const updateWorkspaceInput = z.object({
  version,
  name: text(120),
  currency: z.enum(currencies, 'validation.invalid'),
  timeZone: str().refine(isTimeZone, 'validation.timeZone'),
  fiscalYearStartMonth: wholeNumber(1, 12),
  // Absent: kept as it is.
  coverageGraceDays: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(0, 90).optional()),
  // Usage signals and health; absent: kept as they are.
  eventRetentionMonths: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(1, 60).optional()),
  pulseDays: z.preprocess((v) => (v === '' ? undefined : v), wholeNumber(1, 365).optional()),
  // Unit economics; absent: kept as they are.
  csmHourCost: moneySetting(),
  tier1ToolingCost: moneySetting(),
  tier2ToolingCost: moneySetting(),
  tier3ToolingCost: moneySetting(),
  costShareThresholdPct: setting(decimal(2, 100, 'validation.costShare').refine((v) => v === null || Number(v) > 0, 'validation.costShare')),
  // Absent (or blank: a zone with no country and none chosen yet): kept as they are.
  holidayCountry: z.preprocess((v) => (v === '' ? undefined : v), str().refine(isHolidayCountry, 'validation.invalid').optional()),
  // The list as one JSON field.
  closedDays: z.preprocess((v) => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return v ?? [];
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, z.array(closure).max(100, 'validation.tooBig').optional()),
});
