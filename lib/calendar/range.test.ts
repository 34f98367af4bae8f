import { describe, expect, it } from 'vitest';
import { inShownMonth, parseAnchor, rangeInstants, shiftAnchor, startOfWeek, visibleRange, weeksOf } from './range';

describe('startOfWeek', () => {
  it('is the Monday on or before the date', () => {
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23'); // Sunday ends the week
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28'); // across a year end
    expect(startOfWeek('2028-03-01')).toBe('2028-02-28'); // across a leap day
  });
});

describe('visibleRange', () => {
  it('agenda: 14 days from the date', () => {
    const r = visibleRange('agenda', '2026-12-25');
    expect(r.start).toBe('2026-12-25');
    expect(r.end).toBe('2027-01-08');
    expect(r.days).toHaveLength(14);
    expect(r.days.at(-1)).toBe('2027-01-07');
  });

  it('week: Monday to Sunday around the date', () => {
    const r = visibleRange('week', '2026-11-26');
    expect(r.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(r.end).toBe('2026-11-30');
  });

  it('month: whole weeks around the month, four to six of them', () => {
    const feb2027 = visibleRange('month', '2027-02-14'); // Feb 1 is a Monday, Feb 28 a Sunday
    expect(feb2027.start).toBe('2027-02-01');
    expect(feb2027.end).toBe('2027-03-01');
    expect(weeksOf(feb2027)).toHaveLength(4);

    const mar2026 = visibleRange('month', '2026-03-31'); // Mar 1 is a Sunday
    expect(mar2026.start).toBe('2026-02-23');
    expect(mar2026.end).toBe('2026-04-06');
    expect(weeksOf(mar2026)).toHaveLength(6);
    expect(mar2026.month).toEqual({ year: 2026, month: 3 });
    expect(inShownMonth(mar2026, '2026-02-28')).toBe(false);
    expect(inShownMonth(mar2026, '2026-03-01')).toBe(true);
    expect(inShownMonth(mar2026, '2026-04-01')).toBe(false);
  });

  it('month: a leap February has its 29th', () => {
    const r = visibleRange('month', '2028-02-10');
    expect(r.days).toContain('2028-02-29');
    expect(r.start).toBe('2028-01-31');
    expect(r.end).toBe('2028-03-06');
    expect(weeksOf(r).every((w) => w.length === 7)).toBe(true);
    expect(visibleRange('month', '2027-02-10').days).not.toContain('2027-02-29');
  });
});

describe('shiftAnchor', () => {
  it('moves by the view', () => {
    expect(shiftAnchor('agenda', '2026-11-23', 1)).toBe('2026-12-07');
    expect(shiftAnchor('week', '2026-12-28', 1)).toBe('2027-01-04');
    expect(shiftAnchor('week', '2026-03-02', -1)).toBe('2026-02-23');
  });

  it('moves a month without running past its end', () => {
    expect(shiftAnchor('month', '2027-01-31', 1)).toBe('2027-02-28');
    expect(shiftAnchor('month', '2028-01-31', 1)).toBe('2028-02-29');
    expect(shiftAnchor('month', '2027-01-15', -1)).toBe('2026-12-15');
  });
});

describe('rangeInstants', () => {
  it('a Tokyo week starts at midnight Tokyo, 15:00 UTC the day before', () => {
    const { from, to, dayStarts } = rangeInstants(visibleRange('week', '2026-11-25'), 'Asia/Tokyo');
    expect(from.toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(to.toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(dayStarts).toHaveLength(7);
  });

  it('New York days last 23 hours in spring and 25 in autumn', () => {
    const hours = (week: string) => {
      const { dayStarts, to } = rangeInstants(visibleRange('week', week), 'America/New_York');
      const bounds = [...dayStarts, to];
      return bounds.slice(1).map((b, i) => (b.getTime() - bounds[i]!.getTime()) / 3_600_000);
    };
    expect(hours('2026-03-04')).toEqual([24, 24, 24, 24, 24, 24, 23]); // clocks go forward Sunday Mar 8
    expect(hours('2026-10-28')).toEqual([24, 24, 24, 24, 24, 24, 25]); // and back Sunday Nov 1
  });

  it('a New York month across the change keeps every day at local midnight', () => {
    const r = visibleRange('month', '2026-11-10');
    const { dayStarts } = rangeInstants(r, 'America/New_York');
    expect(dayStarts[r.days.indexOf('2026-10-31')]!.toISOString()).toBe('2026-10-31T04:00:00.000Z'); // EDT
    expect(dayStarts[r.days.indexOf('2026-11-02')]!.toISOString()).toBe('2026-11-02T05:00:00.000Z'); // EST
  });
});

describe('parseAnchor', () => {
  it('takes a real date and refuses anything else', () => {
    expect(parseAnchor('2028-02-29', '2026-11-23')).toBe('2028-02-29');
    expect(parseAnchor('2027-02-29', '2026-11-23')).toBe('2026-11-23');
    expect(parseAnchor('2026-13-01', '2026-11-23')).toBe('2026-11-23');
    expect(parseAnchor('tomorrow', '2026-11-23')).toBe('2026-11-23');
    expect(parseAnchor('9999-01-01', '2026-11-23')).toBe('2026-11-23');
    expect(parseAnchor(undefined, '2026-11-23')).toBe('2026-11-23');
  });
});
