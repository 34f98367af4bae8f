import { parts, type LocalDate } from './local-date';

// Wall-clock times in an IANA time zone ↔ instants, with Intl only.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant. */
export function wallClock(instant: Date, timeZone: string) {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}` as LocalDate,
    time: `${p.hour}:${p.minute}`,
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

/** The calendar date in a zone at an instant: `dateIn(new Date(), zone)` is today there. */
export function dateIn(instant: Date, timeZone: string): LocalDate {
  return wallClock(instant, timeZone).date;
}

/** Minutes the zone is ahead of UTC at an instant (Tokyo: 540). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const { year, month, day } = parts(w.date);
  const asUtc = Date.UTC(year, month - 1, day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST
 * change (02:30 on the spring-forward night) moves forward by the gap; a
 * time that happens twice (the fall-back hour) takes the first, as
 * calendar apps and Temporal's "compatible" do.
 */
export function zonedToUtc(date: LocalDate, time: string, timeZone: string): Date {
  const { year, month, day } = parts(date);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour!, minute!);
  const before = offsetMinutes(new Date(wall - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(wall + 86_400_000), timeZone);
  // The offset before a change first: for a time that happens twice, that is the first one.
  for (const offset of [before, after]) {
    const candidate = new Date(wall - offset * 60_000);
    const w = wallClock(candidate, timeZone);
    if (w.date === date && w.hour === hour && w.minute === minute) return candidate;
  }
  // In a gap: keep the offset from before the change, which lands after it.
  return new Date(wall - before * 60_000);
}
