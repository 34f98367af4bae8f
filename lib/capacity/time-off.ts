import { addDays, type LocalDate } from '@/lib/scheduling/local-date';

export type TimeOffEntry = { fromDate: LocalDate; toDate: LocalDate; hoursPerDay: string };

/**
 * Hours of time off inside a range (a month): each entry's working days that
 * fall in the range, times its hours per day. Weekends and holidays inside
 * the entry cost nothing: the person would not have worked them anyway.
 */
export function timeOffHours(entries: readonly TimeOffEntry[], range: { from: LocalDate; to: LocalDate }, isWorkingDay: (date: LocalDate) => boolean): number {
  let hours = 0;
  for (const e of entries) {
    const from = e.fromDate > range.from ? e.fromDate : range.from;
    const to = e.toDate < range.to ? e.toDate : range.to;
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) hours += Number(e.hoursPerDay);
  }
  return hours;
}
