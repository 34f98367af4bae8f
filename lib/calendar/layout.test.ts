import { describe, expect, it } from 'vitest';
import { byDay, clip, daysOverdue, displayStatus, dueSoonEnd, endsAt, minutesToHours, weeklyCapacityHours } from './layout';
import { dateIn } from '@/lib/scheduling/zoned';
import { visibleRange } from './range';

const at = (iso: string, id = 1) => ({ id, startsAt: new Date(iso) });

describe('byDay', () => {
  it('puts an activity on the day it starts in the user\'s zone, not the server\'s', () => {
    const days = visibleRange('week', '2026-11-23').days;
    // 16:00 UTC Sunday the 22nd is 01:00 Monday the 23rd in Tokyo; in New York it is still Sunday.
    const early = at('2026-11-22T16:00:00Z', 1);
    const tokyo = byDay([early], days, 'Asia/Tokyo');
    expect(tokyo.get('2026-11-23')).toEqual([early]);
    const newYork = byDay([early], days, 'America/New_York');
    expect([...newYork.values()].flat()).toEqual([]);
  });

  it('orders each day by start time and keeps empty days', () => {
    const days = ['2026-11-23', '2026-11-24'];
    const b = at('2026-11-23T05:00:00Z', 2);
    const a = at('2026-11-23T01:00:00Z', 3);
    const map = byDay([b, a], days, 'Asia/Tokyo');
    expect(map.get('2026-11-23')).toEqual([a, b]);
    expect(map.get('2026-11-24')).toEqual([]);
  });

  it('on the night clocks go back, 01:30 twice is still the same day', () => {
    const days = ['2026-10-31', '2026-11-01', '2026-11-02'];
    const first = at('2026-11-01T05:30:00Z', 1); // 01:30 EDT
    const second = at('2026-11-01T06:30:00Z', 2); // 01:30 EST
    const late = at('2026-11-02T04:30:00Z', 3); // 23:30 EST on Nov 1
    expect(byDay([first, second, late], days, 'America/New_York').get('2026-11-01')).toEqual([first, second, late]);
  });
});

describe('clip', () => {
  it('shows up to N and counts the rest, including ones the query did not return', () => {
    expect(clip([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2, 3], more: 1 });
    expect(clip([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
    expect(clip([1, 2, 3], 3, 40)).toEqual({ shown: [1, 2, 3], more: 37 });
  });
});

describe('overdue and due soon', () => {
  const now = new Date('2026-11-23T03:00:00Z'); // 12:00 in Tokyo

  it('a planned activity whose time has passed is overdue; a completed one is not', () => {
    expect(displayStatus({ status: 'planned', startsAt: new Date('2026-11-23T02:00:00Z') }, now)).toBe('overdue');
    expect(displayStatus({ status: 'planned', startsAt: new Date('2026-11-23T04:00:00Z') }, now)).toBe('planned');
    expect(displayStatus({ status: 'completed', startsAt: new Date('2026-11-20T02:00:00Z') }, now)).toBe('completed');
    expect(displayStatus({ status: 'no_show', startsAt: new Date('2026-11-20T02:00:00Z') }, now)).toBe('no_show');
  });

  it('counts days overdue in calendar days of the user\'s zone', () => {
    expect(daysOverdue(new Date('2026-11-23T00:30:00Z'), now, 'Asia/Tokyo')).toBe(0); // 09:30 today
    expect(daysOverdue(new Date('2026-11-22T14:30:00Z'), now, 'Asia/Tokyo')).toBe(1); // 23:30 yesterday
    expect(daysOverdue(new Date('2026-10-23T03:00:00Z'), now, 'Asia/Tokyo')).toBe(31);
    expect(daysOverdue(new Date('2028-02-28T12:00:00Z'), new Date('2028-03-01T12:00:00Z'), 'UTC')).toBe(2); // leap day between
  });

  it('due soon runs to the end of the seventh day after today', () => {
    expect(dueSoonEnd('2026-11-23', 'Asia/Tokyo').toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(dueSoonEnd('2026-10-28', 'America/New_York').toISOString()).toBe('2026-11-05T05:00:00.000Z'); // after fall-back
  });

  it('dateIn', () => {
    expect(dateIn(new Date('2026-12-31T15:00:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
    expect(dateIn(new Date('2026-12-31T15:00:00Z'), 'America/New_York')).toBe('2026-12-31');
  });
});

describe('hours', () => {
  it('a week of monthly capacity and minutes as hours', () => {
    expect(weeklyCapacityHours(110)).toBe(25.4);
    expect(weeklyCapacityHours(0)).toBe(0);
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(50)).toBe(0.8);
    expect(endsAt({ startsAt: new Date('2026-11-23T01:00:00Z'), durationMinutes: 90 }).toISOString()).toBe('2026-11-23T02:30:00.000Z');
  });
});
