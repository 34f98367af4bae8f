import { offsetMinutes } from '@/lib/scheduling/zoned';
import { floatingDateTime } from './time';

// VTIMEZONE components (RFC 5545 §3.6.5) derived from the runtime's time
// zone data through Intl, for the span the events need, so they hold
// whatever the rules are (and were) for those years rather than a copy of
// today's rules.

export type Transition = { at: Date; from: number; to: number };

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Instants in [from, to) at which the zone's UTC offset changes, to the minute. */
export function offsetTransitions(timeZone: string, from: Date, to: Date): Transition[] {
  const out: Transition[] = [];
  let t = from.getTime();
  let offset = offsetMinutes(from, timeZone);
  while (t < to.getTime()) {
    const next = Math.min(t + DAY, to.getTime());
    const nextOffset = offsetMinutes(new Date(next), timeZone);
    if (nextOffset !== offset) {
      // The first minute in (t, next] with the new offset.
      let lo = Math.floor(t / MINUTE);
      let hi = Math.floor(next / MINUTE);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(new Date(mid * MINUTE), timeZone) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: new Date(hi * MINUTE), from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}

/** +0900, -0500, +0545. */
export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The whole UTC years around [from, to], with a day's margin, so a feed
 * stays byte-for-byte the same from one day to the next.
 */
export function coveringYears(from: Date, to: Date): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(from.getUTCFullYear(), 0, 1) - DAY),
    end: new Date(Date.UTC(to.getUTCFullYear() + 1, 0, 1) + DAY),
  };
}

/**
 * The VTIMEZONE lines for a zone over [from, to]: the offset in force at the
 * start, then one observance per change, each with its onset written as the
 * wall-clock time before the change (RFC 5545: DTSTART is read with
 * TZOFFSETFROM). A change that moves clocks forward is DAYLIGHT, back STANDARD.
 */
export function vtimezoneLines(timeZone: string, from: Date, to: Date): string[] {
  const { start, end } = coveringYears(from, to);
  const transitions = offsetTransitions(timeZone, start, end);
  const initial = offsetMinutes(start, timeZone);
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', onsetWall: Date, fromOffset: number, toOffset: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${floatingDateTime(onsetWall)}`,
    `TZOFFSETFROM:${formatOffset(fromOffset)}`,
    `TZOFFSETTO:${formatOffset(toOffset)}`,
    `END:${kind}`,
  ];
  const kindOf = (t: Transition) => (t.to > t.from ? 'DAYLIGHT' : 'STANDARD');
  const first = transitions[0];
  const initialKind = first && kindOf(first) === 'STANDARD' ? 'DAYLIGHT' : 'STANDARD';
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(initialKind, new Date(start.getTime() + initial * MINUTE), initial, initial),
    ...transitions.flatMap((t) => observance(kindOf(t), new Date(t.at.getTime() + t.from * MINUTE), t.from, t.to)),
    'END:VTIMEZONE',
  ];
}
