import { addDays, addMonths, parts, toLocalDate, type LocalDate } from '@/lib/scheduling/local-date';
import { one, type SearchParams } from '@/lib/url-params';
import { parseId, parsePage } from '@/lib/validation/input';
import { obligationStatuses, type ObligationStatus } from '@/lib/vocabulary';
import { resolvePeriod, type Period } from './period';
import { parseRuleKey, type RuleKey } from './rule-key';

// What the coverage page's URL asks for, read once for the page and for the
// CSV downloads of its charts, so both always show the same numbers.

const dueStatuses: ObligationStatus[] = ['on_time', 'late', 'missed', 'overdue'];
const gapStatuses: ObligationStatus[] = ['overdue', 'missed'];

/** `status=due` is every due obligation; one status alone; else the open gaps. */
function statusesOf(raw: string | undefined): ObligationStatus[] {
  if (raw === 'due') return dueStatuses;
  return obligationStatuses.find((s) => s === raw) ? [raw as ObligationStatus] : gapStatuses;
}

export type CoverageView = {
  period: Period;
  /** The months of the trend chart. */
  trend: { from: LocalDate; to: LocalDate };
  /** The raw `csm` parameter, kept in links (managers only). */
  csmParam: string | undefined;
  /** ownerId: one CSM's book; null: unassigned accounts; undefined: all. A CSM always reads their own. */
  ownerId: number | null | undefined;
  tier: number | undefined;
  rule: RuleKey | undefined;
  statusParam: string | undefined;
  statuses: ObligationStatus[];
  page: number;
};

const monthStart = (d: LocalDate) => toLocalDate(parts(d).year, parts(d).month, 1);

/**
 * The months a trend shows for a period: the period's months when it spans a
 * year or more, else the 12 months up to the period's last month (a quarter
 * alone is too short to show a trend).
 */
export function trendRange(period: { from: LocalDate; to: LocalDate }): { from: LocalDate; to: LocalDate } {
  const lastMonth = monthStart(period.to);
  const from = monthStart(period.from) < addMonths(lastMonth, -11) ? monthStart(period.from) : addMonths(lastMonth, -11);
  return { from, to: addDays(addMonths(lastMonth, 1), -1) };
}

/** The months from `from` to `to` as YYYY-MM, in order. */
export function monthsOf(range: { from: LocalDate; to: LocalDate }): string[] {
  const out: string[] = [];
  for (let m = monthStart(range.from); m <= range.to; m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
}

export function readCoverageView(params: SearchParams, ctx: { userId: number; seesAll: boolean; today: LocalDate; fiscalYearStartMonth: number }): CoverageView {
  const period = resolvePeriod({ period: one(params.period), from: one(params.from), to: one(params.to) }, { today: ctx.today, fiscalYearStartMonth: ctx.fiscalYearStartMonth });
  const csmParam = ctx.seesAll ? one(params.csm) : undefined;
  const ownerId = !ctx.seesAll ? ctx.userId : csmParam === 'none' ? null : (parseId(csmParam) ?? undefined);
  const tierParam = Number(one(params.tier));
  const statusParam = one(params.status);
  return {
    period,
    trend: trendRange(period),
    csmParam,
    ownerId,
    tier: [1, 2, 3].includes(tierParam) ? tierParam : undefined,
    rule: parseRuleKey(one(params.rule)),
    statusParam,
    statuses: statusesOf(statusParam),
    page: parsePage(one(params.page)),
  };
}
