import { addCadence, type Cadence } from '@/lib/scheduling/cadence';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { wallClock } from '@/lib/scheduling/zoned';

/**
 * When to book the next one after a completed activity the playbook asks
 * for: its date plus the playbook's interval, at the same wall-clock time,
 * both read in the zone the planner books in (QBRs: "book the next one
 * before leaving the room").
 */
export function nextBookingSlot(completed: { startsAt: Date }, cadence: Cadence, timeZone: string): { date: LocalDate; time: string } {
  const { date, time } = wallClock(completed.startsAt, timeZone);
  return { date: addCadence(date, cadence), time };
}
