import { isIsoDate } from '@/lib/dates';
import { addDays, addMonths, daysInMonth, parts, toLocalDate, weekday, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';

// What a calendar view shows: calendar dates in the user's time zone, turned
// into the instants a query needs only at the end. A week in Asia/Tokyo
// starts 9 hours before the server's (UTC) week does, and a New York day in
// March or November lasts 23 or 25 hours, so nothing here adds milliseconds.

export const calendarViews = ['agenda', 'week', 'month'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** How many days the agenda lists from its first day. */
export const agendaDays = 14;

export type VisibleRange = {
  view: CalendarView;
  /** The date the user asked for; navigation moves it and keeps the view. */
  anchor: LocalDate;
  /** First visible day. */
  start: LocalDate;
  /** The day after the last visible day. */
  end: LocalDate;
  /** Every visible day, in order. */
  days: LocalDate[];
  /** Month view: the month shown (the grid also shows the days around it that complete its weeks). */
  month?: { year: number; month: number };
};

export function isCalendarView(value: unknown): value is CalendarView {
  return typeof value === 'string' && (calendarViews as readonly string[]).includes(value);
}

/** Monday on or before `date`: weeks start on Monday in both languages (a business calendar). */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

function daysFrom(start: LocalDate, end: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = start; d < end; d = addDays(d, 1)) days.push(d);
  return days;
}

export function visibleRange(view: CalendarView, anchor: LocalDate): VisibleRange {
  if (view === 'agenda') {
    const end = addDays(anchor, agendaDays);
    return { view, anchor, start: anchor, end, days: daysFrom(anchor, end) };
  }
  if (view === 'week') {
    const start = startOfWeek(anchor);
    const end = addDays(start, 7);
    return { view, anchor, start, end, days: daysFrom(start, end) };
  }
  const { year, month } = parts(anchor);
  const first = toLocalDate(year, month, 1);
  const last = toLocalDate(year, month, daysInMonth(year, month));
  const start = startOfWeek(first);
  const end = addDays(startOfWeek(last), 7);
  return { view, anchor, start, end, days: daysFrom(start, end), month: { year, month } };
}

/** The anchor one view earlier (-1) or later (1): 14 days, a week, or a month (Jan 31 → Feb 28/29). */
export function shiftAnchor(view: CalendarView, anchor: LocalDate, step: -1 | 1): LocalDate {
  if (view === 'agenda') return addDays(anchor, step * agendaDays);
  if (view === 'week') return addDays(anchor, step * 7);
  return addMonths(anchor, step);
}

/** Whether `date` is in the month a month view shows (else it only fills the grid's first or last week). */
export function inShownMonth(range: VisibleRange, date: LocalDate): boolean {
  if (!range.month) return true;
  const { year, month } = parts(date);
  return year === range.month.year && month === range.month.month;
}

/** The month grid as weeks of seven days. */
export function weeksOf(range: VisibleRange): LocalDate[][] {
  const weeks: LocalDate[][] = [];
  for (let i = 0; i < range.days.length; i += 7) weeks.push(range.days.slice(i, i + 7));
  return weeks;
}

/**
 * The instants the visible days start at in `timeZone`, and the end of the
 * last one: the query's bounds [from, to) and the day boundaries between.
 */
export function rangeInstants(range: Pick<VisibleRange, 'days' | 'end'>, timeZone: string) {
  const dayStarts = range.days.map((d) => zonedToUtc(d, '00:00', timeZone));
  const to = zonedToUtc(range.end, '00:00', timeZone);
  return { from: dayStarts[0] ?? to, to, dayStarts };
}

/** A date from the URL, else `fallback`; refuses what is not a real date or is absurdly far away. */
export function parseAnchor(raw: string | undefined, fallback: LocalDate): LocalDate {
  if (!raw || !isIsoDate(raw)) return fallback;
  const { year } = parts(raw);
  return year >= 1970 && year <= 2200 ? raw : fallback;
}
