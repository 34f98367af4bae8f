import { describe, expect, it } from 'vitest';
import { cadenceDates, nextDue, perMonth } from './cadence';

describe('cadenceDates', () => {
  it('counts each date from the anchor, so month ends do not drift', () => {
    expect(cadenceDates('2027-01-31', { every: 1, unit: 'month' }, '2027-01-01', '2027-05-31')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
    ]);
  });

  it('handles quarterly QBRs across a leap day', () => {
    expect(cadenceDates('2027-11-29', { every: 3, unit: 'month' }, '2027-12-01', '2028-12-31')).toEqual([
      '2028-02-29',
      '2028-05-29',
      '2028-08-29',
      '2028-11-29',
    ]);
  });

  it('supports weeks and days, and the window edges are inclusive', () => {
    expect(cadenceDates('2027-01-04', { every: 2, unit: 'week' }, '2027-01-04', '2027-02-01')).toEqual(['2027-01-04', '2027-01-18', '2027-02-01']);
    expect(cadenceDates('2027-01-01', { every: 10, unit: 'day' }, '2027-01-05', '2027-01-31')).toEqual(['2027-01-11', '2027-01-21', '2027-01-31']);
  });
});

describe('nextDue', () => {
  it('is a cadence after the last touch, overdue once passed', () => {
    expect(nextDue('2026-08-15', { every: 3, unit: 'month' }, '2026-11-22')).toEqual({ due: '2026-11-15', overdue: true });
    expect(nextDue('2026-10-31', { every: 1, unit: 'month' }, '2026-11-22')).toEqual({ due: '2026-11-30', overdue: false });
  });
  it('is today when there was never a touch', () => {
    expect(nextDue(null, { every: 12, unit: 'month' }, '2026-11-22')).toEqual({ due: '2026-11-22', overdue: false });
  });
});

describe('perMonth', () => {
  it('turns a cadence into occurrences per month', () => {
    expect(perMonth({ every: 1, unit: 'month' })).toBe(1);
    expect(perMonth({ every: 3, unit: 'month' })).toBeCloseTo(1 / 3);
    expect(perMonth({ every: 12, unit: 'month' })).toBeCloseTo(1 / 12);
    expect(perMonth({ every: 1, unit: 'week' })).toBeCloseTo(4.348, 2);
  });
});
