import { addDays, addMonths, parts, weekday, type LocalDate } from '@/lib/scheduling/local-date';
import { occurrences, type Recurrence } from '@/lib/scheduling/recurrence';
import { overlaps } from '@/lib/scheduling/warnings';
import { closedReason, onOrAfterWorkingDay, type ClosedReason, type WorkingCalendar } from '@/lib/scheduling/working-days';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import type { ActivityStatus, ClosedDayChoice } from '@/lib/vocabulary';

// Recurring series: the rule a form describes, how far a series may run, the
// warnings for all its occurrences at once, and what a whole-series edit does
// to the occurrences that already exist. Plain functions, used by the server
// actions and (for defaults and the preview) by the schedule form.

export type RepeatFreq = Recurrence['freq'];
export type Nth = 1 | 2 | 3 | 4 | -1;

/** A series runs at most this far ahead of its start (or of today, for one that started earlier). */
export const maxSeriesMonths = 24;
export const defaultSeriesMonths = 12;

/** The rule's fields as a start date suggests them: its weekday, its day of the month, which weekday of the month it is. */
export function ruleDefaults(start: LocalDate): { weekday: number; day: number; nth: Nth } {
  const { day } = parts(start);
  const nth = Math.ceil(day / 7);
  // The 29th–31st are a fifth weekday of their kind, which not every month has: "last" keeps them monthly.
  return { weekday: weekday(start), day, nth: nth > 4 ? -1 : (nth as Nth) };
}

export function defaultUntil(start: LocalDate): LocalDate {
  return addMonths(start, defaultSeriesMonths);
}

/** The latest `until` a series may have: two years after its start, or after today if it began earlier. */
export function maxUntil(start: LocalDate, today: LocalDate): LocalDate {
  return addMonths(start > today ? start : today, maxSeriesMonths);
}

/** Builds the rule from a form's fields; the fields a frequency does not use are ignored. */
export function ruleFrom(f: { freq: RepeatFreq; interval: number; weekday: number; day: number; nth: Nth }): Recurrence {
  if (f.freq === 'weekly') return { freq: 'weekly', interval: f.interval, weekday: f.weekday };
  if (f.freq === 'monthly') return { freq: 'monthly', interval: f.interval, day: f.day };
  return { freq: 'monthlyNth', interval: f.interval, weekday: f.weekday, nth: f.nth };
}

/** Reads a stored rule (jsonb) back, refusing anything that is not one. */
export function parseRule(value: unknown): Recurrence {
  const v = value as Partial<Record<string, unknown>> | null;
  const int = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
  if (v && int(v.interval, 1, 52)) {
    if (v.freq === 'weekly' && int(v.weekday, 0, 6)) return { freq: 'weekly', interval: v.interval as number, weekday: v.weekday as number };
    if (v.freq === 'monthly' && int(v.day, 1, 31)) return { freq: 'monthly', interval: v.interval as number, day: v.day as number };
    if (v.freq === 'monthlyNth' && int(v.weekday, 0, 6) && [1, 2, 3, 4, -1].includes(v.nth as number))
      return { freq: 'monthlyNth', interval: v.interval as number, weekday: v.weekday as number, nth: v.nth as Nth };
  }
  throw new Error(`Not a recurrence rule: ${JSON.stringify(value)}`);
}

export type SeriesShape = {
  rule: Recurrence;
  start: LocalDate;
  until: LocalDate;
  time: string;
  timeZone: string;
  /** What to do with occurrences on a weekend, holiday or closed day of `calendar`; without both, they stay. */
  onClosedDay?: ClosedDayChoice;
  calendar?: WorkingCalendar;
};

/** A series date that falls on a closed day: why, and the working day it would move to. */
export type ClosedOccurrence = { date: LocalDate; reason: ClosedReason; movesTo: LocalDate };

/** The dates among `dates` that fall on a closed day, for the preview to flag. */
export function closedOccurrences(dates: readonly LocalDate[], calendar: WorkingCalendar): ClosedOccurrence[] {
  return dates.flatMap((date) => {
    const reason = closedReason(calendar, date);
    return reason ? [{ date, reason, movesTo: onOrAfterWorkingDay(calendar, date) }] : [];
  });
}

/**
 * Every occurrence of a series, with the instant each starts (10:00 stays
 * 10:00 across DST). An occurrence on a closed day is left out ("skip") or
 * starts on the next working day ("move"); it keeps its series date either
 * way, so a later edit recognises it.
 */
export function seriesOccurrences(s: SeriesShape) {
  const all = occurrences(s.rule, s.start, s.time, s.timeZone, { until: s.until });
  const calendar = s.calendar;
  if (!calendar || !s.onClosedDay || s.onClosedDay === 'keep') return all;
  return all.flatMap((o) => {
    if (!closedReason(calendar, o.date)) return [o];
    if (s.onClosedDay === 'skip') return [];
    return [{ date: o.date, startsAt: zonedToUtc(onOrAfterWorkingDay(calendar, o.date), s.time, s.timeZone) }];
  });
}

type Busy = { startsAt: Date; durationMinutes: number };

/**
 * What to tell the planner before booking a series: which occurrences are in
 * the past and which clash with the owner's other planned activities (all
 * checked against one list of the owner's activities over the series' span).
 */
export function seriesWarnings(c: { occurrences: readonly { date: LocalDate; startsAt: Date }[]; durationMinutes: number; now: Date; ownerBusy: readonly Busy[] }) {
  const past: LocalDate[] = [];
  const doubleBooked: LocalDate[] = [];
  const busy = [...c.ownerBusy].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const o of c.occurrences) {
    if (o.startsAt.getTime() < c.now.getTime()) past.push(o.date);
    const slot = { startsAt: o.startsAt, durationMinutes: c.durationMinutes };
    const dayBefore = o.startsAt.getTime() - 86_400_000;
    // Nothing lasts more than a day, so only what starts within a day before can overlap.
    if (busy.some((b) => b.startsAt.getTime() > dayBefore && overlaps(b, slot))) doubleBooked.push(o.date);
  }
  return { past, doubleBooked };
}

export type ExistingOccurrence = {
  id: number;
  date: LocalDate;
  status: ActivityStatus;
  startsAt: Date;
  detached: boolean;
};

export type SeriesPlan = {
  /** Rows that stay, with their (possibly new) date and start; `changed` when either differs. */
  update: { id: number; date: LocalDate; startsAt: Date; changed: boolean }[];
  insert: { date: LocalDate; startsAt: Date }[];
  delete: number[];
  /** Past, logged, cancelled or individually edited: never touched by a series edit. */
  untouched: number[];
};

/** The period an occurrence belongs to under a rule: its month, or its week (from Monday). */
function period(date: LocalDate, rule: Recurrence): string {
  if (rule.freq === 'weekly') return addDays(date, -((weekday(date) + 6) % 7));
  return date.slice(0, 7);
}

/**
 * What a whole-series edit does to existing occurrences. Only future, planned
 * occurrences that were not edited on their own follow the series; a date
 * held by any other occurrence (done, cancelled, detached, past) is not
 * booked again. An occurrence whose date still fits the new rule keeps its
 * row and gets the new time; one that no longer fits moves to a new date in
 * the same month (or week, for a weekly rule) when there is one, so links and
 * calendar entries to it stay; the rest are deleted, and new dates inserted.
 */
export function planSeriesEdit(existing: readonly ExistingOccurrence[], next: SeriesShape, now: Date): SeriesPlan {
  const follows = (o: ExistingOccurrence) => o.status === 'planned' && !o.detached && o.startsAt.getTime() >= now.getTime();
  const mutable = existing.filter(follows).sort((a, b) => a.date.localeCompare(b.date));
  const untouched = existing.filter((o) => !follows(o)).map((o) => o.id);
  const held = new Set(existing.filter((o) => !follows(o)).map((o) => o.date));
  const byDate = new Map(mutable.map((o) => [o.date, o]));
  const target = seriesOccurrences(next).filter((o) => o.startsAt.getTime() >= now.getTime() && !held.has(o.date));

  const update: SeriesPlan['update'] = [];
  const fresh: { date: LocalDate; startsAt: Date }[] = [];
  for (const t of target) {
    const row = byDate.get(t.date);
    if (row) {
      update.push({ id: row.id, date: t.date, startsAt: t.startsAt, changed: row.startsAt.getTime() !== t.startsAt.getTime() });
      byDate.delete(t.date);
    } else fresh.push(t);
  }
  // Rows that no longer fit, in date order, each moved to the first new date in its period.
  const insert: SeriesPlan['insert'] = [];
  const leftover = [...byDate.values()];
  const used = new Set<number>();
  for (const t of fresh) {
    const row = leftover.find((o) => !used.has(o.id) && period(o.date, next.rule) === period(t.date, next.rule));
    if (row) {
      used.add(row.id);
      update.push({ id: row.id, date: t.date, startsAt: t.startsAt, changed: true });
    } else insert.push(t);
  }
  const remove = leftover.filter((o) => !used.has(o.id)).map((o) => o.id);
  update.sort((a, b) => a.date.localeCompare(b.date));
  return { update, insert, delete: remove, untouched };
}
