import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, nthWeekdayOfMonth, weekday } from './local-date';

describe('calendar arithmetic', () => {
  it('clamps month ends instead of spilling into the next month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 3)).toBe('2027-11-30');
  });

  it('keeps Feb 29 only in leap years', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2027-01-15', -2)).toBe('2026-11-15');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('finds the second Tuesday and the last Friday of a month', () => {
    expect(nthWeekdayOfMonth(2026, 12, 2, 2)).toBe('2026-12-08');
    expect(nthWeekdayOfMonth(2027, 3, 2, 2)).toBe('2027-03-09');
    expect(nthWeekdayOfMonth(2027, 6, 2, 2)).toBe('2027-06-08'); // June 1 is a Tuesday
    expect(nthWeekdayOfMonth(2027, 4, 5, -1)).toBe('2027-04-30');
    expect(weekday('2027-06-08')).toBe(2);
  });
});
