import { addDays, addMonths, parts, toLocalDate, type LocalDate } from '@/lib/scheduling/local-date';

// The periods coverage is read for: this month, this quarter, the last 90
// days, the fiscal year (from the workspace's fiscal-year start month), or
// custom dates. Quarters follow the fiscal year, as a CS team reports them.

export const periodKinds = ['month', 'quarter', 'last90', 'fiscalYear', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export type Period = { kind: PeriodKind; from: LocalDate; to: LocalDate };

const isDate = (s: string | undefined): s is LocalDate => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && toLocalDate(parts(s).year, parts(s).month, parts(s).day) === s;

/** The first day of the fiscal year that contains `day`. */
export function fiscalYearStart(day: LocalDate, startMonth: number): LocalDate {
  const { year, month } = parts(day);
  return toLocalDate(month >= startMonth ? year : year - 1, startMonth, 1);
}

/**
 * The period a URL asks for, as of `today`; anything unreadable (an unknown
 * kind, a custom range with a bad or reversed date, more than 3 years) falls
 * back to this quarter.
 */
export function resolvePeriod(q: { period?: string; from?: string; to?: string }, opts: { today: LocalDate; fiscalYearStartMonth: number }): Period {
  const { today, fiscalYearStartMonth: fy } = opts;
  const { year, month } = parts(today);
  switch (q.period) {
    case 'month': {
      const from = toLocalDate(year, month, 1);
      return { kind: 'month', from, to: addDays(addMonths(from, 1), -1) };
    }
    case 'last90':
      return { kind: 'last90', from: addDays(today, -89), to: today };
    case 'fiscalYear': {
      const from = fiscalYearStart(today, fy);
      return { kind: 'fiscalYear', from, to: addDays(addMonths(from, 12), -1) };
    }
    case 'custom':
      if (isDate(q.from) && isDate(q.to) && q.from <= q.to && q.to <= addMonths(q.from, 36)) return { kind: 'custom', from: q.from, to: q.to };
  }
  const start = fiscalYearStart(today, fy);
  const quarter = Math.floor((((month - parts(start).month) % 12) + 12) % 12 / 3);
  const from = addMonths(start, quarter * 3);
  return { kind: 'quarter', from, to: addDays(addMonths(from, 3), -1) };
}
