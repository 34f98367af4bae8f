import { addDays, daysBetween, type LocalDate } from '@/lib/scheduling/local-date';
import { dateIn, zonedToUtc } from '@/lib/scheduling/zoned';
import type { ActivityStatus } from '@/lib/vocabulary';

// Laying activities into the user's days, and the figures shown beside them.


/**
 * Each visible day with its activities in start order. An activity belongs to
 * the day it starts on in the user's zone; one outside the days is dropped.
 */
export function byDay<T extends { startsAt: Date; id: number }>(items: readonly T[], days: readonly LocalDate[], timeZone: string): Map<LocalDate, T[]> {
  const map = new Map<LocalDate, T[]>(days.map((d) => [d, []]));
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  for (const item of sorted) map.get(dateIn(item.startsAt, timeZone))?.push(item);
  return map;
}

/**
 * The items a day shows and how many more it has: `total` is the day's full
 * count when the query returned only the first few.
 */
export function clip<T>(items: readonly T[], max: number, total = items.length): { shown: T[]; more: number } {
  const shown = items.slice(0, Math.max(0, max));
  return { shown, more: Math.max(0, total - shown.length) };
}

/** The display status: a planned activity whose start has passed is overdue. */
export type DisplayStatus = ActivityStatus | 'overdue';

export function displayStatus(a: { status: ActivityStatus; startsAt: Date }, now: Date): DisplayStatus {
  return a.status === 'planned' && a.startsAt.getTime() < now.getTime() ? 'overdue' : a.status;
}

/** Whole calendar days between the activity's date and today, in the user's zone (0: earlier today). */
export function daysOverdue(startsAt: Date, now: Date, timeZone: string): number {
  return Math.max(0, daysBetween(dateIn(startsAt, timeZone), dateIn(now, timeZone)));
}

/** "Due soon" means planned from now until the end of the seventh day after today, in the user's zone. */
export const dueSoonDays = 7;

export function dueSoonEnd(today: LocalDate, timeZone: string): Date {
  return zonedToUtc(addDays(today, dueSoonDays + 1), '00:00', timeZone);
}

/** The end time of an activity, for "10:00–11:30". */
export function endsAt(a: { startsAt: Date; durationMinutes: number }): Date {
  return new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);
}

/**
 * A week's share of a monthly capacity (users.capacity_hours is per month):
 * 12 months over 52 weeks, one decimal, so 110 h/month is 25.4 h/week.
 */
export function weeklyCapacityHours(monthlyHours: number): number {
  return Math.round((monthlyHours * 12 * 10) / 52) / 10;
}

/** Minutes as hours with one decimal (90 → 1.5). */
export function minutesToHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}
