import type { DateStyle, Format } from '@/lib/format';
import type { Recurrence } from '@/lib/scheduling/recurrence';

// Words for a repeat rule, on the server (the card) and in the browser (the
// forms' preview). `t` is the `series` namespace; weekday names and dates
// come from lib/format in the reader's language.

type Translate = (key: string, values?: Record<string, string | number>) => string;

// 2027-01-03 is a Sunday: day 0, as Date#getUTCDay counts.
export const weekdayName = (format: Format, wd: number) => format.date(`2027-01-0${3 + wd}`, 'weekdayLong');
export const nthKey = (nth: -1 | 1 | 2 | 3 | 4) => (nth === -1 ? 'last' : (`n${nth}` as const));

export function describeRule(rule: Recurrence, t: Translate, format: Format): string {
  if (rule.freq === 'weekly') return t('rule.weekly', { interval: rule.interval, weekday: weekdayName(format, rule.weekday) });
  if (rule.freq === 'monthly') return t('rule.monthly', { interval: rule.interval, day: rule.day });
  return t('rule.monthlyNth', { interval: rule.interval, weekday: weekdayName(format, rule.weekday), nth: t(`rule.nth.${nthKey(rule.nth)}`) });
}

/** A calendar date (YYYY-MM-DD) in the reader's format, without moving it through a time zone. */
export const localDateText = (format: Format, date: string, style: DateStyle = 'medium') => format.date(date, style);
