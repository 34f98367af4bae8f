import { addDays, addMonths, daysInMonth, nthWeekdayOfMonth, parts, toLocalDate, weekday, type LocalDate } from './local-date';
import { zonedToUtc } from './zoned';

// Repeating activities: "every 2 weeks on Tuesday", "monthly on the 15th",
// "monthly on the second Tuesday". Dates come from the calendar; times are
// wall-clock times in the organiser's zone, so 10:00 stays 10:00 across DST.

export type Recurrence =
  | { freq: 'weekly'; interval: number; weekday: number }
  | { freq: 'monthly'; interval: number; day: number }
  | { freq: 'monthlyNth'; interval: number; weekday: number; nth: 1 | 2 | 3 | 4 | -1 };

export type Bounds = { count?: number; until?: LocalDate };

const hardLimit = 500;

/** The dates of a series starting on or after `start`, up to `count` dates or through `until`. */
export function recurrenceDates(rule: Recurrence, start: LocalDate, bounds: Bounds): LocalDate[] {
  const max = Math.min(bounds.count ?? hardLimit, hardLimit);
  const out: LocalDate[] = [];
  const push = (d: LocalDate) => {
    if (d < start || (bounds.until && d > bounds.until) || out.length >= max) return false;
    out.push(d);
    return true;
  };
  const done = (d: LocalDate) => out.length >= max || (bounds.until !== undefined && d > bounds.until);
  if (rule.freq === 'weekly') {
    let d = addDays(start, (rule.weekday - weekday(start) + 7) % 7);
    while (!done(d)) {
      push(d);
      d = addDays(d, 7 * rule.interval);
    }
    return out;
  }
  const { year, month } = parts(start);
  const firstOfStartMonth = toLocalDate(year, month, 1);
  for (let k = 0; k < hardLimit * 12; k += rule.interval) {
    const p = parts(addMonths(firstOfStartMonth, k));
    const d =
      rule.freq === 'monthly'
        ? toLocalDate(p.year, p.month, Math.min(rule.day, daysInMonth(p.year, p.month)))
        : nthWeekdayOfMonth(p.year, p.month, rule.weekday, rule.nth);
    if (done(d)) break;
    push(d);
  }
  return out;
}

/** Each occurrence's date and the instant it starts, for a wall-clock `time` in `timeZone`. */
export function occurrences(rule: Recurrence, start: LocalDate, time: string, timeZone: string, bounds: Bounds) {
  return recurrenceDates(rule, start, bounds).map((date) => ({ date, startsAt: zonedToUtc(date, time, timeZone) }));
}
