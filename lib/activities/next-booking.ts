import { addCadence, type Cadence } from '@/lib/scheduling/cadence';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { toWorkingDay, type WorkingDate, type WorkingCalendar } from '@/lib/scheduling/working-days';
import { wallClock } from '@/lib/scheduling/zoned';

/**
 * When to book the next one after a completed activity the playbook asks
 * for: its date plus the playbook's interval, at the same wall-clock time,
 * both read in the zone the planner books in (QBRs: "book the next one
 * before leaving the room"). A date on a weekend, holiday or closed day of
 * the workspace moves to the next working day, with the reason.
 */
export function nextBookingSlot(
  completed: { startsAt: Date },
  cadence: Cadence,
  timeZone: string,
  calendar: WorkingCalendar,
): { date: LocalDate; time: string; moved?: WorkingDate['moved'] } {
  const { date, time } = wallClock(completed.startsAt, timeZone);
  return { ...toWorkingDay(calendar, addCadence(date, cadence)), time };
}
