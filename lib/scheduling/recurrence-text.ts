import type { Recurrence } from '@/lib/scheduling/recurrence';

// Words for a repeat rule, on the server (the card) and in the browser (the
// forms' preview). `t` is the `series` namespace; weekday names come from
// Intl in the reader's language.

type Translate = (key: string, values?: Record<string, string | number>) => string;
export type DateOptions = Pick<Intl.DateTimeFormatOptions, 'weekday' | 'year' | 'month' | 'day' | 'dateStyle' | 'timeZone'>;
type FormatDate = (date: Date, options: DateOptions) => string;

// 2027-01-03 is a Sunday: day 0, as Date#getUTCDay counts.
const sunday = Date.UTC(2027, 0, 3);
export const weekdayName = (format: FormatDate, wd: number) => format(new Date(sunday + wd * 86_400_000), { weekday: 'long', timeZone: 'UTC' });
export const nthKey = (nth: -1 | 1 | 2 | 3 | 4) => (nth === -1 ? 'last' : (`n${nth}` as const));

export function describeRule(rule: Recurrence, t: Translate, format: FormatDate): string {
  if (rule.freq === 'weekly') return t('rule.weekly', { interval: rule.interval, weekday: weekdayName(format, rule.weekday) });
  if (rule.freq === 'monthly') return t('rule.monthly', { interval: rule.interval, day: rule.day });
  return t('rule.monthlyNth', { interval: rule.interval, weekday: weekdayName(format, rule.weekday), nth: t(`rule.nth.${nthKey(rule.nth)}`) });
}

/** A calendar date (YYYY-MM-DD) in the reader's format, without moving it through a time zone. */
export const localDateText = (format: FormatDate, date: string, style: DateOptions = { dateStyle: 'medium' }) =>
  format(new Date(`${date}T00:00:00Z`), { ...style, timeZone: 'UTC' });
