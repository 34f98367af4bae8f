import { parts } from '@/lib/scheduling/local-date';
import { offsetMinutes, wallClock } from '@/lib/scheduling/zoned';

// DATE-TIME values (RFC 5545 §3.3.5).

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20260308T070000Z: an instant in UTC ("form #2"). */
export function utcDateTime(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** 20260308T020000: a wall-clock time without a zone, as VTIMEZONE onsets and TZID values are written. */
export function floatingDateTime(utcFieldsOf: Date): string {
  return utcDateTime(utcFieldsOf).slice(0, -1);
}

const DAY = 86_400_000;

/**
 * The zone's wall-clock time at an instant, if that wall-clock time names
 * only this instant: not one in the hour a fall-back repeats, and no
 * seconds. RFC 5545 reads a repeated time as the first one, but parsers
 * disagree (ical.js, Thunderbird's, takes the second), so such times are
 * better written in UTC.
 */
function unambiguousWallClock(instant: Date, timeZone: string) {
  if (instant.getTime() % 60_000 !== 0) return null;
  const wall = wallClock(instant, timeZone);
  const { year, month, day } = parts(wall.date);
  const asUtc = Date.UTC(year, month - 1, day, wall.hour, wall.minute);
  // A day either side sees the offsets around any DST change near this instant.
  const offsets = new Set([-DAY, 0, DAY].map((d) => offsetMinutes(new Date(instant.getTime() + d), timeZone)));
  const readings = [...offsets].filter((o) => {
    const w = wallClock(new Date(asUtc - o * 60_000), timeZone);
    return w.date === wall.date && w.time === wall.time;
  });
  return readings.length === 1 ? wall : null;
}

/**
 * A DTSTART / DTEND property for an instant: as the wall-clock time in the
 * organiser's zone with TZID (clients then show that zone), unless that
 * would be ambiguous (see above) or the zone is unknown; then in UTC, which
 * every client reads the same way.
 */
export function zonedProperty(name: string, instant: Date, timeZone: string): { line: string; zoned: boolean } {
  try {
    const wall = unambiguousWallClock(instant, timeZone);
    if (wall) {
      const local = `${wall.date.replaceAll('-', '')}T${wall.time.replace(':', '')}00`;
      return { line: `${name};TZID=${timeZone}:${local}`, zoned: true };
    }
  } catch {
    // An unknown zone name (Intl throws): UTC is still right.
  }
  return { line: `${name}:${utcDateTime(instant)}`, zoned: false };
}

/** PT1H, PT90M, P1D: a DURATION value (RFC 5545 §3.3.6) for whole minutes. */
export function duration(minutes: number): string {
  if (minutes % 1440 === 0) return `P${minutes / 1440}D`;
  if (minutes % 60 === 0) return `PT${minutes / 60}H`;
  return `PT${minutes}M`;
}
