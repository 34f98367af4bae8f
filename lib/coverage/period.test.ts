import { describe, expect, it } from 'vitest';
import { fiscalYearStart, resolvePeriod } from './period';

const april = { today: '2026-11-28', fiscalYearStartMonth: 4 };

describe('coverage periods', () => {
  it('reads this month, the last 90 days and the fiscal year from an April start', () => {
    expect(resolvePeriod({ period: 'month' }, april)).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(resolvePeriod({ period: 'last90' }, april)).toEqual({ kind: 'last90', from: '2026-08-31', to: '2026-11-28' });
    expect(resolvePeriod({ period: 'fiscalYear' }, april)).toEqual({ kind: 'fiscalYear', from: '2026-04-01', to: '2027-03-31' });
  });

  it('counts quarters from the fiscal year start, across the calendar year', () => {
    expect(resolvePeriod({ period: 'quarter' }, april)).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(resolvePeriod({}, { today: '2027-02-10', fiscalYearStartMonth: 4 })).toMatchObject({ from: '2027-01-01', to: '2027-03-31' });
    expect(resolvePeriod({}, { today: '2026-11-28', fiscalYearStartMonth: 2 })).toMatchObject({ from: '2026-11-01', to: '2027-01-31' });
    expect(resolvePeriod({}, { today: '2026-01-15', fiscalYearStartMonth: 2 })).toMatchObject({ from: '2025-11-01', to: '2026-01-31' });
    expect(fiscalYearStart('2026-03-31', 4)).toBe('2025-04-01');
  });

  it('takes a custom range, and falls back to this quarter on a bad one', () => {
    expect(resolvePeriod({ period: 'custom', from: '2026-01-01', to: '2026-06-30' }, april)).toEqual({ kind: 'custom', from: '2026-01-01', to: '2026-06-30' });
    for (const bad of [{ from: '2026-06-30', to: '2026-01-01' }, { from: '2026-02-30', to: '2026-03-01' }, { from: 'x', to: '2026-03-01' }, { from: '2020-01-01', to: '2026-01-01' }]) {
      expect(resolvePeriod({ period: 'custom', ...bad }, april).kind).toBe('quarter');
    }
  });
});
