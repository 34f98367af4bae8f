import { escapeText, joinLines } from './text';
import { duration, utcDateTime, zonedProperty } from './time';
import { vtimezoneLines } from './vtimezone';

// A small iCalendar (RFC 5545) writer for what Touchplan publishes: events
// with a start, an end and text, in the organiser's time zone.

export type IcsEvent = {
  /** Globally unique and stable across downloads, so clients update rather than duplicate. */
  uid: string;
  /** Revision number; a higher one replaces what a client has. */
  sequence: number;
  /** When this revision was made (UTC). */
  stamp: Date;
  created?: Date;
  start: Date;
  end: Date;
  /** The organiser's IANA zone; the times are written in it when that is unambiguous. */
  timeZone: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  categories?: readonly string[];
};

export type IcsCalendar = {
  /** "-//Company//Product//EN" (RFC 5545 §3.7.3). */
  prodId: string;
  /** PUBLISH for a published calendar or a file to import. */
  method?: 'PUBLISH';
  /** Shown by clients as the subscribed calendar's name. */
  name?: string;
  /** The reader's zone, a hint for clients that show floating times. */
  timeZone?: string;
  /** How often subscribers should fetch again. */
  refreshMinutes?: number;
  events: readonly IcsEvent[];
};

const text = (name: string, value: string) => `${name}:${escapeText(value)}`;

function eventLines(e: IcsEvent): { lines: string[]; zoned: boolean } {
  const start = zonedProperty('DTSTART', e.start, e.timeZone);
  const end = zonedProperty('DTEND', e.end, e.timeZone);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcDateTime(e.stamp)}`,
    ...(e.created ? [`CREATED:${utcDateTime(e.created)}`] : []),
    `LAST-MODIFIED:${utcDateTime(e.stamp)}`,
    `SEQUENCE:${e.sequence}`,
    start.line,
    end.line,
    text('SUMMARY', e.summary),
    ...(e.location ? [text('LOCATION', e.location)] : []),
    ...(e.description ? [text('DESCRIPTION', e.description)] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    ...(e.categories?.length ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
    `STATUS:${e.status}`,
    // A cancelled one no longer blocks the time.
    `TRANSP:${e.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
  ];
  return { lines, zoned: start.zoned || end.zoned };
}

/** The whole calendar object, CRLF line endings, folded at 75 octets. */
export function writeCalendar(cal: IcsCalendar): string {
  const events = cal.events.map((e) => ({ e, ...eventLines(e) }));
  // One VTIMEZONE per zone an event's times are written in, spanning those events.
  const spans = new Map<string, { from: Date; to: Date }>();
  for (const { e, zoned } of events) {
    if (!zoned) continue;
    const span = spans.get(e.timeZone);
    if (!span) spans.set(e.timeZone, { from: e.start, to: e.end });
    else {
      if (e.start < span.from) span.from = e.start;
      if (e.end > span.to) span.to = e.end;
    }
  }
  const refresh = cal.refreshMinutes ? duration(cal.refreshMinutes) : null;
  return joinLines([
    'BEGIN:VCALENDAR',
    `PRODID:${cal.prodId}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    ...(cal.method ? [`METHOD:${cal.method}`] : []),
    ...(cal.name ? [text('NAME', cal.name), text('X-WR-CALNAME', cal.name)] : []),
    ...(cal.timeZone ? [`X-WR-TIMEZONE:${cal.timeZone}`] : []),
    // RFC 7986's property, and the one Outlook and Apple Calendar read.
    ...(refresh ? [`REFRESH-INTERVAL;VALUE=DURATION:${refresh}`, `X-PUBLISHED-TTL:${refresh}`] : []),
    ...[...spans].sort(([a], [b]) => a.localeCompare(b)).flatMap(([zone, span]) => vtimezoneLines(zone, span.from, span.to)),
    ...events.flatMap((x) => x.lines),
    'END:VCALENDAR',
  ]);
}
