import { describe, expect, it } from 'vitest';
import { coveringYears, formatOffset, offsetTransitions, vtimezoneLines } from './vtimezone';

const year = (y: number) => [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y + 1, 0, 1))] as const;
const iso = (ts: { at: Date; from: number; to: number }[]) => ts.map((t) => ({ ...t, at: t.at.toISOString() }));

describe('offsetTransitions', () => {
  it('finds New York’s spring-forward and fall-back to the minute', () => {
    expect(iso(offsetTransitions('America/New_York', ...year(2026)))).toEqual([
      { at: '2026-03-08T07:00:00.000Z', from: -300, to: -240 },
      { at: '2026-11-01T06:00:00.000Z', from: -240, to: -300 },
    ]);
  });

  it('finds Sydney’s, in the southern hemisphere order', () => {
    expect(iso(offsetTransitions('Australia/Sydney', ...year(2026)))).toEqual([
      { at: '2026-04-04T16:00:00.000Z', from: 660, to: 600 },
      { at: '2026-10-03T16:00:00.000Z', from: 600, to: 660 },
    ]);
  });

  it('finds none for Tokyo', () => {
    expect(offsetTransitions('Asia/Tokyo', ...year(2026))).toEqual([]);
  });
});

describe('formatOffset', () => {
  it('writes ±HHMM', () => {
    expect([540, -300, 345, -570, 0].map(formatOffset)).toEqual(['+0900', '-0500', '+0545', '-0930', '+0000']);
  });
});

describe('vtimezoneLines', () => {
  it('gives Tokyo one standard observance', () => {
    const lines = vtimezoneLines('Asia/Tokyo', new Date('2027-04-13T01:00:00Z'), new Date('2027-04-13T02:00:00Z'));
    expect(lines).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'BEGIN:STANDARD',
      'DTSTART:20261231T090000',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes New York’s changes with onsets in local time before the change', () => {
    const lines = vtimezoneLines('America/New_York', new Date('2026-03-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z')).join('\n');
    expect(lines).toContain('BEGIN:STANDARD\nDTSTART:20251230T190000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0500\nEND:STANDARD');
    expect(lines).toContain('BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nEND:DAYLIGHT');
    expect(lines).toContain('BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD');
  });

  it('starts Sydney in daylight time (January is summer there)', () => {
    const lines = vtimezoneLines('Australia/Sydney', new Date('2026-02-01T00:00:00Z'), new Date('2026-02-02T00:00:00Z'));
    expect(lines.slice(2, 7)).toEqual(['BEGIN:DAYLIGHT', 'DTSTART:20251231T110000', 'TZOFFSETFROM:+1100', 'TZOFFSETTO:+1100', 'END:DAYLIGHT']);
  });
});

describe('coveringYears', () => {
  it('spans whole UTC years with a day to spare, so the output is stable day to day', () => {
    const a = coveringYears(new Date('2026-05-03T10:00:00Z'), new Date('2027-02-01T00:00:00Z'));
    const b = coveringYears(new Date('2026-05-04T10:00:00Z'), new Date('2027-02-02T00:00:00Z'));
    expect(a).toEqual(b);
    expect(a.start.toISOString()).toBe('2025-12-31T00:00:00.000Z');
    expect(a.end.toISOString()).toBe('2028-01-02T00:00:00.000Z');
  });
});
