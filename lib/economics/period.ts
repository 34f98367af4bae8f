import { fiscalYearStart } from '@/lib/coverage/period';
import { addDays, addMonths, parts, toLocalDate, type LocalDate } from '@/lib/scheduling/local-date';

// The year unit economics are read for: the last 12 months (to today), or a
// fiscal year (from the workspace's fiscal-year start month), named by the
// calendar year it starts in (FY2026 = April 2026 – March 2027 in Japan).
// A fiscal year still running is read to today and counts the months it has
// reached so far; tooling is paid per month, and ARR is prorated to them.

export type EconomicsPeriod = {
  /** 'last12', or 'fy2026'. */
  key: string;
  /** The fiscal year's first calendar year; null for the last 12 months. */
  fiscalYear: number | null;
  from: LocalDate;
  /** The last day read (today at most). */
  to: LocalDate;
  /** Calendar months of cost: 12, or those a running fiscal year has reached. */
  months: number;
  /** A fiscal year that has not ended yet. */
  toDate: boolean;
};

/** How many past fiscal years besides the current one can be chosen. */
export const pastFiscalYears = 4;

const monthIndex = (d: LocalDate) => parts(d).year * 12 + parts(d).month;

function fiscal(year: number, startMonth: number, today: LocalDate): EconomicsPeriod {
  const from = toLocalDate(year, startMonth, 1);
  const end = addDays(addMonths(from, 12), -1);
  const to = end < today ? end : today;
  return { key: `fy${year}`, fiscalYear: year, from, to, months: monthIndex(to) - monthIndex(from) + 1, toDate: end >= today };
}

/** The fiscal years to choose from, the current one first. */
export function fiscalYearChoices(today: LocalDate, startMonth: number): EconomicsPeriod[] {
  const current = parts(fiscalYearStart(today, startMonth)).year;
  return Array.from({ length: pastFiscalYears + 1 }, (_, i) => fiscal(current - i, startMonth, today));
}

/** The period a URL asks for; anything else (unknown, a fiscal year not offered) is the last 12 months. */
export function resolveEconomicsPeriod(raw: string | undefined, opts: { today: LocalDate; fiscalYearStartMonth: number }): EconomicsPeriod {
  const chosen = fiscalYearChoices(opts.today, opts.fiscalYearStartMonth).find((p) => p.key === raw);
  if (chosen) return chosen;
  return { key: 'last12', fiscalYear: null, from: addDays(addMonths(opts.today, -12), 1), to: opts.today, months: 12, toDate: false };
}
