import { describe, expect, it } from 'vitest';
import { fiscalYearChoices, resolveEconomicsPeriod } from './period';

const opts = { today: '2026-11-28', fiscalYearStartMonth: 4 };

describe('resolveEconomicsPeriod', () => {
  it('reads the last 12 months to today by default and for anything it does not know', () => {
    for (const raw of [undefined, 'last12', 'fy1999', 'fy2027', 'nonsense']) {
      expect(resolveEconomicsPeriod(raw, opts)).toEqual({ key: 'last12', fiscalYear: null, from: '2025-11-29', to: '2026-11-28', months: 12, toDate: false });
    }
  });

  it('reads a past fiscal year whole: 12 months', () => {
    expect(resolveEconomicsPeriod('fy2025', opts)).toEqual({ key: 'fy2025', fiscalYear: 2025, from: '2025-04-01', to: '2026-03-31', months: 12, toDate: false });
  });

  it('reads the running fiscal year to today, counting the months it has reached (April to November: 8)', () => {
    expect(resolveEconomicsPeriod('fy2026', opts)).toEqual({ key: 'fy2026', fiscalYear: 2026, from: '2026-04-01', to: '2026-11-28', months: 8, toDate: true });
  });

  it('counts a fiscal year on its first day as one month, and on its last day as whole and still running', () => {
    expect(resolveEconomicsPeriod('fy2026', { today: '2026-04-01', fiscalYearStartMonth: 4 })).toMatchObject({ months: 1, toDate: true, to: '2026-04-01' });
    expect(resolveEconomicsPeriod('fy2025', { today: '2026-03-31', fiscalYearStartMonth: 4 })).toMatchObject({ months: 12, toDate: true, to: '2026-03-31' });
  });

  it('follows a calendar fiscal year', () => {
    expect(resolveEconomicsPeriod('fy2026', { today: '2026-11-28', fiscalYearStartMonth: 1 })).toMatchObject({ from: '2026-01-01', to: '2026-11-28', months: 11 });
  });
});

describe('fiscalYearChoices', () => {
  it('offers the current fiscal year first and four past ones', () => {
    expect(fiscalYearChoices('2026-02-10', 4).map((p) => p.key)).toEqual(['fy2025', 'fy2024', 'fy2023', 'fy2022', 'fy2021']);
  });
});
