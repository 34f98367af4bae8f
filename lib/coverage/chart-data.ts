import { coverageRatio, noCoverage, type CoverageCounts } from './obligations';

// The coverage charts' numbers, shaped once for the page's charts and tables
// and for their CSV downloads, so all three always agree.

export const trendKeys = ['total', 1, 2, 3] as const;
export type TrendKey = (typeof trendKeys)[number];

/** Counts per series (all accounts, Tier 1…3) for every month, zero where nothing fell due. */
export function trendByMonth(rows: readonly (CoverageCounts & { month: string; tier: number | null })[], months: readonly string[]): Record<TrendKey, CoverageCounts[]> {
  const at = new Map(rows.map((r) => [`${r.month}|${r.tier ?? 'total'}`, r]));
  return Object.fromEntries(trendKeys.map((k) => [k, months.map((m) => at.get(`${m}|${k}`) ?? { ...noCoverage })])) as Record<TrendKey, CoverageCounts[]>;
}

/** A series' coverage per month: null when nothing was due (the line breaks). */
export const ratios = (counts: readonly CoverageCounts[]) => counts.map((c) => coverageRatio(c));

/** The bar values of a coverage figure: what was due, by what became of it. */
export const dueParts = (c: CoverageCounts) => ({ onTime: c.onTime, late: c.late, missed: c.missed, overdue: c.overdue });

/** Coverage as a whole percentage for CSV ("" when nothing was due). */
export function coveragePercent(c: CoverageCounts): string {
  const r = coverageRatio(c);
  return r === null ? '' : String(Math.round(r * 1000) / 10);
}

export const countsHead = ['due', 'on_time', 'late', 'missed', 'overdue', 'not_yet_due', 'coverage_pct'] as const;
export const countsCells = (c: CoverageCounts) => [c.due, c.onTime, c.late, c.missed, c.overdue, c.notYetDue, coveragePercent(c)];
