import type { LocalDate } from '@/lib/scheduling/local-date';
import { nextWorkingDay, type WorkingCalendar } from '@/lib/scheduling/working-days';

// Times for proposed activities: a length per kind of activity, and a start
// that does not clash with what the CSM already has that day.

const minutesByType: Record<string, number> = {
  regular_meeting: 60,
  qbr: 90, // DOMAIN.md: QBRs run 60–90 minutes.
  onsite_visit: 240,
  onboarding_session: 90,
  executive_briefing: 60,
};

/**
 * How long the activity itself lasts. Playbook hours include preparation, so
 * for a type we do not know the meeting is taken as half of them, in quarter
 * hours, between 30 minutes and 4 hours.
 */
export function defaultDuration(typeKey: string | null, hours: string): number {
  const known = typeKey ? minutesByType[typeKey] : undefined;
  if (known) return known;
  const half = Math.round((Number(hours) * 60) / 2 / 15) * 15;
  return Math.min(240, Math.max(30, Number.isFinite(half) ? half : 60));
}

/** Minutes since local midnight, on a local date. */
export type Busy = { date: LocalDate; start: number; end: number };

export const workingDay = { start: 10 * 60, end: 18 * 60, step: 30, maxShiftDays: 3 };

export const toTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const fromTime = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Gives each item its preferred start (the time the account's last activity
 * of that type began) when that is free, else the first free start from 10:00
 * in 30-minute steps that ends by 18:00, without overlapping the CSM's other
 * activities or an item placed before it. A full day moves it to the next
 * working day of the calendar, at most three times; if those are full too it
 * keeps its date and preferred time (else 10:00) and the CSM decides. Items
 * are placed in date order; the result keeps the input order.
 */
export function assignTimes<T extends { date: LocalDate; durationMinutes: number; preferredTime?: string | null }>(
  items: readonly T[],
  busy: readonly Busy[],
  calendar: WorkingCalendar,
  day = workingDay,
): (T & { time: string })[] {
  const taken = new Map<LocalDate, { start: number; end: number }[]>();
  const occupy = (b: Busy) => {
    const list = taken.get(b.date) ?? [];
    list.push({ start: b.start, end: b.end });
    taken.set(b.date, list);
  };
  busy.forEach(occupy);

  const freeStart = (date: LocalDate, minutes: number, preferred: number | null): number | null => {
    const list = taken.get(date) ?? [];
    const free = (s: number) => list.every((b) => s + minutes <= b.start || b.end <= s);
    if (preferred !== null && preferred + minutes <= 1440 && free(preferred)) return preferred;
    const latest = Math.max(day.end, day.start + minutes) - minutes;
    for (let s = day.start; s <= latest; s += day.step) {
      if (free(s)) return s;
    }
    return null;
  };

  const order = items.map((item, i) => ({ item, i })).sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.i - b.i));
  const out = new Array<T & { time: string }>(items.length);
  for (const { item, i } of order) {
    const preferred = item.preferredTime && /^\d{2}:\d{2}$/.test(item.preferredTime) ? fromTime(item.preferredTime) : null;
    let date = item.date;
    let start = freeStart(date, item.durationMinutes, preferred);
    for (let shift = 0; start === null && shift < day.maxShiftDays; shift++) {
      date = nextWorkingDay(calendar, date);
      start = freeStart(date, item.durationMinutes, preferred);
    }
    if (start === null) {
      date = item.date;
      start = preferred ?? day.start;
    }
    occupy({ date, start, end: start + item.durationMinutes });
    out[i] = { ...item, date, time: toTime(start) };
  }
  return out;
}
