import { describe, expect, it } from 'vitest';
import { occurrences, recurrenceDates } from './recurrence';

describe('recurrenceDates', () => {
  it('monthly on the second Tuesday', () => {
    expect(recurrenceDates({ freq: 'monthlyNth', interval: 1, weekday: 2, nth: 2 }, '2026-11-22', { count: 4 })).toEqual([
      '2026-12-08',
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
    ]);
  });

  it('includes the start when it is an occurrence, and stops at until', () => {
    expect(recurrenceDates({ freq: 'monthlyNth', interval: 1, weekday: 2, nth: 2 }, '2026-12-08', { until: '2027-01-31' })).toEqual([
      '2026-12-08',
      '2027-01-12',
    ]);
  });

  it('monthly on the 31st falls on each month end', () => {
    expect(recurrenceDates({ freq: 'monthly', interval: 1, day: 31 }, '2028-01-01', { count: 4 })).toEqual(['2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30']);
  });

  it('every other month, last Friday; every 2 weeks on Monday', () => {
    expect(recurrenceDates({ freq: 'monthlyNth', interval: 2, weekday: 5, nth: -1 }, '2027-01-01', { count: 3 })).toEqual(['2027-01-29', '2027-03-26', '2027-05-28']);
    expect(recurrenceDates({ freq: 'weekly', interval: 2, weekday: 1 }, '2027-03-03', { count: 3 })).toEqual(['2027-03-08', '2027-03-22', '2027-04-05']);
  });
});

describe('occurrences', () => {
  it('keep 10:00 local across a DST change', () => {
    const series = occurrences({ freq: 'weekly', interval: 1, weekday: 2 }, '2027-03-02', '10:00', 'America/New_York', { count: 3 });
    expect(series.map((o) => o.startsAt.toISOString())).toEqual(['2027-03-02T15:00:00.000Z', '2027-03-09T15:00:00.000Z', '2027-03-16T14:00:00.000Z']);
  });
  it('in Tokyo are always UTC+9', () => {
    const [first] = occurrences({ freq: 'monthlyNth', interval: 1, weekday: 2, nth: 2 }, '2026-12-01', '14:00', 'Asia/Tokyo', { count: 1 });
    expect(first).toEqual({ date: '2026-12-08', startsAt: new Date('2026-12-08T05:00:00.000Z') });
  });
});
