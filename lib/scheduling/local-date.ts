// Calendar dates without a time zone ("2027-03-31"), as a CSM plans them.
// Arithmetic is done on the calendar, never by adding milliseconds, so month
// ends, leap years and DST cannot shift a date.

export type LocalDate = string; // YYYY-MM-DD

export function parts(date: LocalDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

export function toLocalDate(year: number, month: number, day: number): LocalDate {
  // Date.UTC normalises overflow (month 13, day 0) the calendar way.
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parts(date);
  return toLocalDate(year, month, day + days);
}

/** Adds months, keeping the day but not past the month's end: Jan 31 + 1 month = Feb 28 (29 in a leap year). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return toLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The nth (1–4) or last (-1) given weekday of a month, e.g. the second Tuesday. */
export function nthWeekdayOfMonth(year: number, month: number, wd: number, n: number): LocalDate {
  if (n === -1) {
    const last = toLocalDate(year, month, daysInMonth(year, month));
    return addDays(last, -((weekday(last) - wd + 7) % 7));
  }
  const first = toLocalDate(year, month, 1);
  return addDays(first, ((wd - weekday(first) + 7) % 7) + (n - 1) * 7);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
