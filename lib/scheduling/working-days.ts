import { addDays, parts, toLocalDate, weekday, type LocalDate } from './local-date';

// The one working-day rule: a day is closed when it is a weekend day of the
// workspace's country, one of its public holidays, or one of the workspace's
// own closed days (the Japanese year-end closure, a company holiday). Both
// the next-booking offer and plan-from-playbook move dates with it, and the
// series preview flags closed occurrences with it.
//
// A calendar is plain data (built on the server by holidays.ts), so it can be
// handed to the browser for the series preview.

/** A closed day's reason: a weekend day, or a holiday / the workspace's closure with its name. */
export type ClosedReason = { kind: 'weekend' } | { kind: 'holiday'; name: string } | { kind: 'closure'; name: string };

export type WorkingCalendar = {
  /** Weekday numbers (0 = Sunday … 6 = Saturday) that are the weekend. */
  weekend: number[];
  /** Holidays and closures by date, in the years the calendar was built for. */
  closed: Record<LocalDate, ClosedReason>;
};

/** A calendar where only Saturday and Sunday are closed: what planning used before countries. */
export const weekendsOnly: WorkingCalendar = { weekend: [0, 6], closed: {} };

/**
 * The workspace's own closed days: one date or a range of dates, once
 * (`YYYY-MM-DD`) or every year (`MM-DD`, a range may run over New Year,
 * as the Japanese year-end closure 12-29 → 01-03 does).
 */
export type Closure = { from: string; to: string; yearly: boolean; label: string };

/** Why `date` is closed (a holiday or closure before a weekend: it names the day), or null on a working day. */
export function closedReason(calendar: WorkingCalendar, date: LocalDate): ClosedReason | null {
  return calendar.closed[date] ?? (calendar.weekend.includes(weekday(date)) ? { kind: 'weekend' } : null);
}

export const isWorkingDay = (calendar: WorkingCalendar, date: LocalDate) => closedReason(calendar, date) === null;

// A calendar that closes every weekday (a misconfiguration) must not loop forever.
const maxSearchDays = 366;

/** `date` itself when it is a working day, else the first working day after it. */
export function onOrAfterWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let d = date;
  for (let i = 0; i < maxSearchDays && !isWorkingDay(calendar, d); i++) d = addDays(d, 1);
  return d;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  return onOrAfterWorkingDay(calendar, addDays(date, 1));
}

/** A date moved off a closed day: where it lands, and (when it moved) why. */
export type WorkingDate = { date: LocalDate; moved?: { from: LocalDate; reason: ClosedReason } };

/** Keeps a working day; moves a closed one to the next working day and says why. */
export function toWorkingDay(calendar: WorkingCalendar, date: LocalDate): WorkingDate {
  const reason = closedReason(calendar, date);
  if (!reason) return { date };
  return { date: onOrAfterWorkingDay(calendar, date), moved: { from: date, reason } };
}

/** The dates a closure covers in the years `fromYear` … `toYear`. */
export function closureDates(closure: Closure, fromYear: number, toYear: number): LocalDate[] {
  const out: LocalDate[] = [];
  const span = (from: LocalDate, to: LocalDate) => {
    // A range longer than a year is a typing mistake: a year at most.
    for (let d = from, i = 0; d <= to && i < 366; d = addDays(d, 1), i++) out.push(d);
  };
  if (!closure.yearly) {
    span(closure.from, closure.to);
    return out;
  }
  const [fm, fd] = closure.from.split('-').map(Number) as [number, number];
  const [tm, td] = closure.to.split('-').map(Number) as [number, number];
  const wraps = closure.to < closure.from;
  // A range over New Year that starts in the year before still reaches into `fromYear`.
  for (let y = fromYear - (wraps ? 1 : 0); y <= toYear; y++) {
    span(toLocalDate(y, fm, fd), toLocalDate(wraps ? y + 1 : y, tm, td));
  }
  const first = toLocalDate(fromYear, 1, 1);
  const last = toLocalDate(toYear, 12, 31);
  return out.filter((d) => d >= first && d <= last);
}

/** Adds the workspace's closures to a calendar (a public holiday keeps its own name). */
export function withClosures(calendar: WorkingCalendar, closures: readonly Closure[], fromYear: number, toYear: number): WorkingCalendar {
  const closed = { ...calendar.closed };
  for (const c of closures) {
    for (const d of closureDates(c, fromYear, toYear)) closed[d] ??= { kind: 'closure', name: c.label };
  }
  return { weekend: calendar.weekend, closed };
}

/** The years a calendar must cover for dates between `from` and `to`. */
export function yearsOf(from: LocalDate, to: LocalDate): [number, number] {
  return [parts(from).year, parts(to).year];
}
