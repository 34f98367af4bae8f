import { toLocalDate, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';

// Dates and durations as Zoom and Teams write them in their reports, in the
// exporting user's locale and without a time zone:
//   Zoom (en-US)   11/05/2026 10:02:13 AM   or, older, Nov 5, 2026 10:02:13
//   Teams (en-US)  11/5/26, 10:02:13 AM
//   Japanese       2026/11/05 10:02:13, 2026/11/5 10:02, 2026年11月5日 10:02:13
//   ISO            2026-11-05 10:02:13, or with an offset (then it is kept)
//   en-GB, de…     05/11/2026 10:02:13, 05.11.26, 10:02:13 (day first)
// A wall-clock time is an instant only in a time zone: the caller's (the
// session's), through the project's zone conversion.

/** A date and time as written, before a time zone makes it an instant. */
export type WallTime = { date: LocalDate; hour: number; minute: number; second: number };

/** Which number comes first in "05/11/2026": the file's locale, decided once per file. */
export type DayOrder = 'month-first' | 'day-first';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const time = String.raw`(午前|午後)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm|a\.m\.|p\.m\.|午前|午後)?`;
const yearFirst = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:\([^)]*\))?[,\sT]\s*${time}$`, 'i');
const numeric = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4}|\d{2}),?\s+${time}$`, 'i');
const monthName = new RegExp(String.raw`^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+${time}$`, 'i');
const withOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i;

/** Spaces as Excel and ICU write them (narrow no-break before AM), full-width digits: plain. */
function clean(text: string): string {
  return text.normalize('NFKC').replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\s+/g, ' ').trim();
}

function clock(m: string[], at: number): { hour: number; minute: number; second: number } | null {
  const marker = (m[at] ?? m[at + 4] ?? '').toLowerCase();
  let hour = Number(m[at + 1]);
  const minute = Number(m[at + 2]);
  const second = Number(m[at + 3] ?? 0);
  if (minute > 59 || second > 59) return null;
  if (marker) {
    if (hour < 1 || hour > 12) return null;
    const pm = marker.startsWith('p') || marker === '午後';
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return { hour, minute, second };
}

function calendarDate(year: number, month: number, day: number): LocalDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = toLocalDate(year, month, day);
  // toLocalDate rolls Feb 30 over into March: such a date is not a date.
  return date === `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` ? date : null;
}

/**
 * The first two numbers of a "05/11/2026"-style date, or null for a form
 * whose order is not in question; used to tell the file's locale.
 */
export function dayOrderHint(text: string): DayOrder | 'either' | null {
  const m = numeric.exec(clean(text));
  if (!m) return null;
  if (m[2] === '.') return 'day-first';
  const [a, b] = [Number(m[1]), Number(m[3])];
  return a > 12 ? 'day-first' : b > 12 ? 'month-first' : 'either';
}

/**
 * A report's date and time: a wall-clock time, an instant when the text
 * carries an offset, or null when it is not a date and time.
 */
export function readDateTime(text: string, order: DayOrder): WallTime | Date | null {
  const s = clean(text);
  const iso = withOffset.exec(s);
  if (iso) {
    const instant = new Date(`${iso[1]}T${iso[2]}${iso[3]!.length === 5 ? `${iso[3]!.slice(0, 3)}:${iso[3]!.slice(3)}` : iso[3]}`);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  let date: LocalDate | null = null;
  let rest: string[] = [];
  let m = yearFirst.exec(s);
  if (m) {
    date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    rest = m.slice(4);
  } else if ((m = numeric.exec(s))) {
    const dayFirst = m[2] === '.' || order === 'day-first';
    const [first, second] = [Number(m[1]), Number(m[3])];
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    date = dayFirst ? calendarDate(year, second, first) : calendarDate(year, first, second);
    rest = m.slice(5);
  } else if ((m = monthName.exec(s))) {
    const month = months.indexOf(m[1]!.toLowerCase()) + 1;
    date = month ? calendarDate(Number(m[3]), month, Number(m[2])) : null;
    rest = m.slice(4);
  }
  if (!date) return null;
  const t = clock(['', ...rest], 1);
  return t && { date, ...t };
}

/**
 * Turns a report's times into instants, wall-clock times read in the
 * session's zone. Thousands of joins fall in the same few minutes, so each
 * minute's zone conversion is done once.
 */
export function instantsIn(timeZone: string): (value: WallTime | Date) => Date {
  const minutes = new Map<string, number>();
  return (value) => {
    if (value instanceof Date) return value;
    const hhmm = `${String(value.hour).padStart(2, '0')}:${String(value.minute).padStart(2, '0')}`;
    const key = `${value.date} ${hhmm}`;
    let at = minutes.get(key);
    if (at === undefined) {
      at = zonedToUtc(value.date, hhmm, timeZone).getTime();
      minutes.set(key, at);
    }
    return new Date(at + value.second * 1000);
  };
}

/**
 * Seconds in a duration cell: Zoom's whole minutes ("34", in a column whose
 * header says minutes), Teams' "1h 27m 51s" (Japanese "1 時間 27 分 51 秒"),
 * or "1:27:51". Null when it is none of these.
 */
export function readDuration(text: string, unit: 'minutes' | 'seconds' | 'text'): number | null {
  const s = clean(text).toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) {
    // A bare number in a column with no unit is Teams' seconds only if it says so; Zoom's are minutes.
    return Math.round(Number(s) * (unit === 'seconds' ? 1 : 60));
  }
  const hms = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (hms) return Number(hms[1] ?? 0) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const parts = /^(?:(\d+)\s*(?:h|hr|hrs|hours?|時間))?\s*(?:(\d+)\s*(?:m|min|mins|minutes?|分))?\s*(?:(\d+)\s*(?:s|sec|secs|seconds?|秒))?$/.exec(s);
  if (parts && (parts[1] ?? parts[2] ?? parts[3]) !== undefined) {
    return Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0);
  }
  return null;
}
