import { describe, expect, it } from 'vitest';
import { countryForZone, defaultClosures, weekendOf, workingCalendar } from './holidays';
import { closedReason, closureDates, nextWorkingDay, onOrAfterWorkingDay, toWorkingDay, weekendsOnly } from './working-days';

const yearEnd = defaultClosures('JP', 'Year-end closure');
const japan = workingCalendar({ country: 'JP', closures: yearEnd, fromYear: 2026, toYear: 2028, language: 'en' });
const japanJa = workingCalendar({ country: 'JP', closures: [], fromYear: 2027, toYear: 2027, language: 'ja' });

describe('the working-day rule (Japan, with the year-end closure)', () => {
  it('closes Japanese public holidays, with their names', () => {
    expect(closedReason(japan, '2027-05-03')).toEqual({ kind: 'holiday', name: 'Constitution Day' });
    expect(closedReason(japan, '2027-11-03')).toEqual({ kind: 'holiday', name: 'Culture Day' });
    expect(closedReason(japan, '2027-07-19')).toEqual({ kind: 'holiday', name: 'Marine Day' });
    expect(closedReason(japanJa, '2027-05-03')).toEqual({ kind: 'holiday', name: '憲法記念日' });
    // A substitute holiday (振替休日) is closed too.
    expect(closedReason(japan, '2027-03-22')?.kind).toBe('holiday');
  });

  it('closes Saturday and Sunday and keeps ordinary weekdays', () => {
    expect(closedReason(japan, '2027-07-17')).toEqual({ kind: 'weekend' });
    expect(closedReason(japan, '2027-07-18')).toEqual({ kind: 'weekend' });
    expect(closedReason(japan, '2027-07-20')).toBeNull();
  });

  it('moves a Saturday past Marine Day to Tuesday, saying why', () => {
    expect(toWorkingDay(japan, '2027-07-17')).toEqual({ date: '2027-07-20', moved: { from: '2027-07-17', reason: { kind: 'weekend' } } });
  });

  it('moves a holiday to the next working day: Golden Week and Culture Day', () => {
    // 5/3–5/5 are holidays, 5/6 is a Thursday.
    expect(toWorkingDay(japan, '2027-05-03')).toEqual({ date: '2027-05-06', moved: { from: '2027-05-03', reason: { kind: 'holiday', name: 'Constitution Day' } } });
    expect(toWorkingDay(japan, '2027-11-03').date).toBe('2027-11-04');
    expect(toWorkingDay(japan, '2027-11-04')).toEqual({ date: '2027-11-04' });
  });

  it('keeps the year-end closure every year, across New Year', () => {
    expect(closedReason(japan, '2026-12-29')).toEqual({ kind: 'closure', name: 'Year-end closure' });
    expect(closedReason(japan, '2027-01-01')).toEqual({ kind: 'holiday', name: "New Year's Day" });
    expect(closedReason(japan, '2027-01-02')).toEqual({ kind: 'closure', name: 'Year-end closure' });
    expect(closedReason(japan, '2027-12-30')).toEqual({ kind: 'closure', name: 'Year-end closure' });
    // 2027-12-28 is a Tuesday; the closure runs to Mon 2028-01-03, so the next working day is Tuesday the 4th.
    expect(nextWorkingDay(japan, '2027-12-28')).toBe('2028-01-04');
    expect(onOrAfterWorkingDay(japan, '2026-12-28')).toBe('2026-12-28');
  });
});

describe('closures', () => {
  it('covers a one-off range and a yearly range over New Year', () => {
    expect(closureDates({ from: '2027-08-12', to: '2027-08-14', yearly: false, label: 'Obon' }, 2027, 2027)).toEqual(['2027-08-12', '2027-08-13', '2027-08-14']);
    expect(closureDates({ from: '12-30', to: '01-02', yearly: true, label: 'x' }, 2027, 2027)).toEqual(['2027-01-01', '2027-01-02', '2027-12-30', '2027-12-31']);
  });

  it('is the year-end closure by default only in Japan', () => {
    expect(defaultClosures('JP', 'y')).toEqual([{ from: '12-29', to: '01-03', yearly: true, label: 'y' }]);
    expect(defaultClosures('US', 'y')).toEqual([]);
  });
});

describe('countries', () => {
  it('has weekends by country', () => {
    expect(weekendOf('JP')).toEqual([0, 6]);
    expect(weekendOf('IL')).toEqual([5, 6]); // Friday and Saturday
    expect(weekendOf(null)).toEqual([0, 6]);
  });

  it('finds the country of a time zone', () => {
    expect(countryForZone('Asia/Tokyo')).toBe('JP');
    expect(countryForZone('America/New_York')).toBe('US');
    expect(countryForZone('UTC')).toBeNull();
  });

  it('without holidays, only weekends are closed', () => {
    expect(toWorkingDay(weekendsOnly, '2027-05-03')).toEqual({ date: '2027-05-03' });
    expect(toWorkingDay(weekendsOnly, '2027-03-06').date).toBe('2027-03-08');
  });

  it('in the US, the 4th of July observed on Monday 2027-07-05 is closed', () => {
    const us = workingCalendar({ country: 'US', closures: [], fromYear: 2027, toYear: 2027, language: 'en' });
    expect(toWorkingDay(us, '2027-07-03').date).toBe('2027-07-06');
  });
});
