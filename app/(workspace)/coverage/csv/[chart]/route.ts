import { coverageByRule, coverageSummary, coverageTrend } from '@/db/queries/coverage-report';
import { getWorkspace } from '@/db/queries/workspace';
import { can } from '@/lib/auth/permissions';
import { countsCells, countsHead, trendByMonth, trendKeys } from '@/lib/coverage/chart-data';
import { monthsOf, readCoverageView } from '@/lib/coverage/params';
import { coverageRuleLabel } from '@/lib/coverage/rule-label';
import { ruleKeyToString } from '@/lib/coverage/rule-key';
import { csvDownload, protectFormula } from '@/lib/csv/write';
import { todayIn } from '@/lib/dates';
import { translatorFor } from '@/lib/i18n/translator';
import { route, RouteError } from '@/lib/routes/route';
import type { SearchParams } from '@/lib/url-params';

// GET /coverage/csv/<tiers|csms|trend|rules>?<the coverage page's query>: the
// numbers of one chart or table on the page as CSV, read with the page's own
// scope (a CSM gets their own book whatever the query says).

const charts = ['tiers', 'csms', 'trend', 'rules'] as const;
type Chart = (typeof charts)[number];

export const GET = route<{ chart: string }>({
  name: 'coverage.csv',
  permission: 'coverage.read',
  reply: 'text',
  async handle({ request, params, user, db, locale }) {
    const chart = charts.find((c) => c === params.chart) as Chart | undefined;
    if (!chart) throw new RouteError(404, { key: 'errors.notFound' });
    const url = new URL(request.url);
    const query: SearchParams = Object.fromEntries(url.searchParams.entries());
    const workspace = await getWorkspace(db);
    const seesAll = can(user, 'team.view');
    const view = readCoverageView(query, { userId: user.id, seesAll, today: todayIn(workspace.timeZone), fiscalYearStartMonth: workspace.fiscalYearStartMonth });
    const scope = { from: view.period.from, to: view.period.to, ownerId: view.ownerId };
    const name = `coverage-${chart}-${view.period.from}-${view.period.to}.csv`;

    if (chart === 'trend') {
      const months = monthsOf(view.trend);
      const byMonth = trendByMonth(await coverageTrend(db, { ...scope, ...view.trend }), months);
      const rows = months.flatMap((m, i) => trendKeys.map((k) => [m, k === 'total' ? 'all' : k, ...countsCells(byMonth[k][i]!)]));
      return csvDownload(name, ['month', 'tier', ...countsHead], rows);
    }
    if (chart === 'rules') {
      const [T, rules] = await Promise.all([translatorFor(locale), coverageByRule(db, scope)]);
      const label = (r: (typeof rules)[number]) => coverageRuleLabel(r, (k, v) => T(`coverage.${k}`, v), (k, v) => T(`playbooks.${k}`, v));
      return csvDownload(name, ['tier', 'rule', 'rule_key', ...countsHead], rules.map((r) => [r.tier, protectFormula(label(r)), ruleKeyToString(r), ...countsCells(r)]));
    }
    const summary = await coverageSummary(db, scope);
    if (chart === 'tiers') {
      const rows = summary.filter((r) => r.grouping !== 'owner').map((r) => [r.grouping === 'total' ? 'all' : r.tier, ...countsCells(r)]);
      return csvDownload(name, ['tier', ...countsHead], rows);
    }
    const rows = summary.filter((r) => r.grouping === 'owner').map((r) => [protectFormula(r.ownerName ?? ''), r.ownerId ?? '', ...countsCells(r)]);
    return csvDownload(name, ['csm', 'csm_id', ...countsHead], rows);
  },
});
