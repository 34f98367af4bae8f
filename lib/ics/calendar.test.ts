import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { writeCalendar, type IcsEvent } from './calendar';

// Every test parses the output with ical.js (Mozilla's parser, used by
// Thunderbird). It has no time zone database of its own: it reads times
// through the VTIMEZONE we write, so these tests check our rules too.

const stamp = new Date('2026-01-10T00:00:00Z');
let n = 0;
const event = (overrides: Partial<IcsEvent> & Pick<IcsEvent, 'start' | 'timeZone'>): IcsEvent => ({
  uid: `activity-${++n}@touchplan.test`,
  sequence: 0,
  stamp,
  end: new Date(overrides.start.getTime() + 3_600_000),
  summary: `Meeting ${n}`,
  status: 'CONFIRMED',
  ...overrides,
});

function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { root, events, byUid: (uid: string) => events.find((e) => e.uid === uid)! };
}

const at = (date: string, time: string, zone: string) => zonedToUtc(date, time, zone);

describe('writeCalendar, read back with ical.js', () => {
  it('writes a publishable calendar with its name, refresh hint, and CRLF lines of at most 75 octets', () => {
    const ics = writeCalendar({
      prodId: '-//Touchplan//Touchplan//EN',
      method: 'PUBLISH',
      name: 'Touchplan · 田中 美咲',
      timeZone: 'Asia/Tokyo',
      refreshMinutes: 60,
      events: [event({ start: at('2027-04-13', '10:00', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo' })],
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nPRODID:-//Touchplan//Touchplan//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const { root } = parse(ics);
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Touchplan · 田中 美咲');
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Tokyo');
    expect(root.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT1H');
  });

  it('puts a Tokyo meeting at 10:00 Tokyo time, which is 01:00 UTC', () => {
    const e = event({ start: at('2027-04-13', '10:00', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo' });
    const ics = writeCalendar({ prodId: '-//T//T//EN', events: [e] });
    expect(ics).toContain('DTSTART;TZID=Asia/Tokyo:20270413T100000\r\n');
    const parsed = parse(ics).byUid(e.uid);
    expect(parsed.startDate.zone?.tzid).toBe('Asia/Tokyo');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-04-13T01:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2027-04-13T02:00:00.000Z');
  });

  it('keeps New York meetings at 10:00 local on both sides of the March and November changes', () => {
    const zone = 'America/New_York';
    const cases = [
      ['2026-03-07', '2026-03-07T15:00:00.000Z'], // EST, the day before spring-forward
      ['2026-03-09', '2026-03-09T14:00:00.000Z'], // EDT
      ['2026-10-31', '2026-10-31T14:00:00.000Z'], // EDT, the day before fall-back
      ['2026-11-02', '2026-11-02T15:00:00.000Z'], // EST
      ['2027-03-15', '2027-03-15T14:00:00.000Z'], // the next year's EDT, in the same VTIMEZONE
    ] as const;
    const events = cases.map(([date]) => event({ start: at(date, '10:00', zone), timeZone: zone }));
    const { byUid } = parse(writeCalendar({ prodId: '-//T//T//EN', events }));
    cases.forEach(([date, utc], i) => {
      const parsed = byUid(events[i]!.uid);
      expect(parsed.startDate.toJSDate().toISOString()).toBe(utc);
      expect(parsed.startDate.toString()).toBe(`${date}T10:00:00`);
      expect(parsed.startDate.zone?.tzid).toBe(zone);
    });
  });

  it('keeps the real length of a meeting that spans a DST change', () => {
    const zone = 'America/New_York';
    // 01:30 EST + 60 minutes = 03:30 EDT on the spring-forward night.
    const e = event({ start: new Date('2026-03-08T06:30:00Z'), end: new Date('2026-03-08T07:30:00Z'), timeZone: zone });
    const ics = writeCalendar({ prodId: '-//T//T//EN', events: [e] });
    expect(ics).toContain('DTSTART;TZID=America/New_York:20260308T013000');
    expect(ics).toContain('DTEND;TZID=America/New_York:20260308T033000');
    const parsed = parse(ics).byUid(e.uid);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('writes the repeated hour of the fall-back night in UTC, which every parser reads the same way', () => {
    const zone = 'America/New_York';
    const first = event({ start: new Date('2026-11-01T05:30:00Z'), timeZone: zone }); // 01:30 EDT
    const second = event({ start: new Date('2026-11-01T06:30:00Z'), timeZone: zone }); // 01:30 EST
    const before = event({ start: new Date('2026-11-01T04:30:00Z'), timeZone: zone }); // 00:30 EDT, only once
    const ics = writeCalendar({ prodId: '-//T//T//EN', events: [first, second, before] });
    expect(ics).toContain('DTSTART:20261101T053000Z');
    expect(ics).toContain('DTSTART:20261101T063000Z');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20261101T003000');
    const { byUid } = parse(ics);
    expect(byUid(first.uid).startDate.toJSDate().toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(byUid(second.uid).startDate.toJSDate().toISOString()).toBe('2026-11-01T06:30:00.000Z');
    expect(byUid(before.uid).startDate.toJSDate().toISOString()).toBe('2026-11-01T04:30:00.000Z');
  });

  it.each(['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago'])(
    'agrees with the runtime’s zone data at every hour-ish across two years in %s',
    (zone) => {
      const events: IcsEvent[] = [];
      // Every 7 h 13 min: it lands on all times of day, both sides of each change.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += (7 * 60 + 13) * 60_000) {
        events.push(event({ start: new Date(t), end: new Date(t + 45 * 60_000), timeZone: zone }));
      }
      const { events: parsed } = parse(writeCalendar({ prodId: '-//T//T//EN', events }));
      expect(parsed).toHaveLength(events.length);
      const wrong = parsed.filter((p, i) => p.startDate.toJSDate().getTime() !== events[i]!.start.getTime() || p.endDate.toJSDate().getTime() !== events[i]!.end.getTime());
      expect(wrong.map((p) => p.startDate.toString())).toEqual([]);
    },
    // ~2,400 events written and parsed per zone: about a second alone, over 5 s on a busy 2-core machine.
    30_000,
  );

  it('round-trips text with commas, semicolons, backslashes, newlines and long Japanese', () => {
    const description = '議題：\n1. 導入状況の確認; 利用率, 定着\n2. 次四半期の目標\\KPI\n'.repeat(6);
    const summary = 'QBR（四半期ビジネスレビュー） · 株式会社アクメ・ホールディングス東京本社, 大阪支社; 名古屋工場';
    const e = event({
      start: at('2027-04-13', '10:00', 'Asia/Tokyo'),
      timeZone: 'Asia/Tokyo',
      summary,
      description,
      location: '東京都千代田区丸の内1-1-1, 会議室A; https://meet.example.com/abc',
      url: 'https://touchplan.test/accounts/12',
      categories: ['QBR, quarterly', '定例'],
    });
    const ics = writeCalendar({ prodId: '-//T//T//EN', events: [e] });
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const parsed = parse(ics).byUid(e.uid);
    expect(parsed.summary).toBe(summary);
    expect(parsed.description).toBe(description);
    expect(parsed.location).toBe(e.location);
    expect(parsed.component.getFirstPropertyValue('url')).toBe('https://touchplan.test/accounts/12');
    expect(parsed.component.getFirstProperty('categories')?.getValues()).toEqual(['QBR, quarterly', '定例']);
  });

  it('carries UID, SEQUENCE, DTSTAMP and STATUS, and frees the time of a cancelled one', () => {
    const e = event({ start: at('2027-04-13', '10:00', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo', sequence: 3, status: 'CANCELLED' });
    const parsed = parse(writeCalendar({ prodId: '-//T//T//EN', events: [e] })).byUid(e.uid);
    expect(parsed.sequence).toBe(3);
    expect(parsed.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect((parsed.component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(stamp.toISOString());
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    const e = event({ start: new Date('2027-04-13T01:00:00Z'), timeZone: 'Mars/Olympus_Mons' });
    const ics = writeCalendar({ prodId: '-//T//T//EN', events: [e] });
    expect(ics).not.toContain('VTIMEZONE');
    expect(parse(ics).byUid(e.uid).startDate.toJSDate().toISOString()).toBe('2027-04-13T01:00:00.000Z');
  });
});
