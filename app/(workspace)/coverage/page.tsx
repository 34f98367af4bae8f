import type { Metadata } from 'next';
import Link from 'next/link';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { coverageByRule, coverageFreshness, coverageGaps, coverageSummary, coverageTrend, gapPageSize, type CoverageRow } from '@/db/queries/coverage-report';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { trendByMonth } from '@/lib/coverage/chart-data';
import { noCoverage } from '@/lib/coverage/obligations';
import { monthsOf, readCoverageView } from '@/lib/coverage/params';
import { ruleKeyToString } from '@/lib/coverage/rule-key';
import { coverageRuleLabel } from '@/lib/coverage/rule-label';
import { todayIn } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { loose } from '@/lib/i18n/loose';
import { withParams, type SearchParams } from '@/lib/url-params';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { CountsTable, type CountsRow } from '@/components/coverage/counts-table';
import { CoverageBars, CoverageTrend, type ChartLabels } from '@/components/coverage/coverage-charts';
import { GapsTable } from '@/components/coverage/gaps-table';
import { PeriodPicker } from './_components/period-picker';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('coverage'))('title') };
}

/**
 * Coverage of the playbooks' promises for a period: in total, by tier and by
 * CSM, and the obligations behind every figure with the action that fixes
 * them. CSMs see their own book; managers and admins everyone's.
 */
export default async function CoveragePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('coverage.read');
  const db = await getDb();
  const [workspace, params, now, t, tp, format] = await Promise.all([pageWorkspace(), searchParams, getNow(), getTranslations('coverage'), getTranslations('playbooks'), getFormat()]);
  const seesAll = can(user, 'team.view');
  const today = todayIn(workspace.timeZone, now);
  const view = readCoverageView(params, { userId: user.id, seesAll, today, fiscalYearStartMonth: workspace.fiscalYearStartMonth });
  const { period, csmParam, ownerId, tier, rule, statusParam, statuses, page } = view;
  const scope = { from: period.from, to: period.to, ownerId };
  const months = monthsOf(view.trend);

  const [summary, gaps, freshAt, trend, rules, csms] = await Promise.all([
    coverageSummary(db, scope),
    coverageGaps(db, { ...scope, tier, rule, statuses, page }),
    coverageFreshness(db),
    coverageTrend(db, { ...scope, ...view.trend }),
    coverageByRule(db, scope),
    seesAll ? activeCsms(db) : Promise.resolve([]),
  ]);

  const here = (changes: Record<string, string | number | undefined>) => `/coverage${withParams({ ...params }, { page: undefined, ...changes })}`;
  const drill = (changes: { tier?: number; csm?: string; rule?: string }) => (status?: string) =>
    `${here({ tier: changes.tier, rule: changes.rule, csm: changes.csm ?? (seesAll ? csmParam : undefined), status })}#gaps`;
  const csv = (chart: string) => `/coverage/csv/${chart}${withParams({ ...params }, { page: undefined, status: undefined, tier: undefined, rule: undefined })}`;
  const chartLabels: ChartLabels = {
    onTime: t('figures.onTime'),
    late: t('figures.late'),
    missed: t('figures.missed'),
    overdue: t('figures.overdue'),
    due: t('figures.due'),
    coverage: t('figures.coverage'),
    showTable: t('charts.showTable'),
    downloadCsv: t('charts.downloadCsv'),
    barLink: (v) => t('charts.barLink', v),
  };
  const labels = { ...Object.fromEntries((['coverage', 'due', 'onTime', 'late', 'missed', 'overdue', 'notYetDue'] as const).map((k) => [k, t(`figures.${k}`)])), nothingDue: t('nothingDue') } as Parameters<typeof CountsTable>[0]['labels'];

  const total = summary.find((r) => r.grouping === 'total') ?? { ...noCoverage };
  const tierRows: CountsRow[] = [1, 2, 3].map((n) => ({
    key: `tier-${n}`,
    label: t('tierName', { tier: n }),
    counts: summary.find((r) => r.grouping === 'tier' && r.tier === n) ?? { ...noCoverage },
    href: drill({ tier: n }),
  }));
  const ownerRows: CountsRow[] = summary
    .filter((r): r is CoverageRow => r.grouping === 'owner')
    .map((r) => ({
      key: `owner-${r.ownerId ?? 'none'}`,
      label: (
        <Link href={here({ csm: r.ownerId ?? 'none', status: undefined, tier: undefined })} className="hover:underline">
          {r.ownerName ?? t('unassigned')}
        </Link>
      ),
      counts: r,
      href: drill({ csm: String(r.ownerId ?? 'none') }),
    }));
  const chosenCsm = ownerId === null ? t('unassigned') : csms.find((c) => c.id === ownerId)?.name;

  const ruleLabel = (r: Parameters<typeof coverageRuleLabel>[0]) => coverageRuleLabel(r, loose(t), loose(tp));
  const ruleRows: CountsRow[] = rules.map((r) => ({
    key: ruleKeyToString(r),
    label: (
      <span className="flex items-center gap-2">
        <span className="text-xs text-zinc-500">{t('tierName', { tier: r.tier })}</span>
        {ruleLabel(r)}
      </span>
    ),
    counts: r,
    href: drill({ rule: ruleKeyToString(r) }),
  }));
  const ruleName = rule && rules.find((r) => ruleKeyToString(r) === ruleKeyToString(rule));
  const byMonth = trendByMonth(trend, months);
  const filterWords = [
    tier && t('tierName', { tier }),
    rule && t('ruleFilter', { rule: ruleName ? `${t('tierName', { tier: rule.tier })} · ${ruleLabel(ruleName)}` : t('tierName', { tier: rule.tier }) }),
    statusParam === 'due' ? t('figures.due') : statuses.length === 1 ? t(`statuses.${statuses[0]!}`) : `${t('figures.overdue')} · ${t('figures.missed')}`,
  ].filter(Boolean);
  const pages = Math.max(1, Math.ceil(gaps.total / gapPageSize));
  const nothing = total.due === 0 && total.notYetDue === 0;

  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={seesAll ? t('description') : `${t('mine')} · ${t('description')}`} />
      <PeriodPicker
        period={period}
        href={(kind) => `/coverage${withParams({ ...params }, { period: kind, from: undefined, to: undefined, page: undefined })}`}
        hidden={Object.fromEntries(Object.entries({ csm: seesAll ? csmParam : undefined, tier: tier ? String(tier) : undefined, rule: rule ? ruleKeyToString(rule) : undefined }).filter((e): e is [string, string] => !!e[1]))}
        labels={{ periods: { month: t('periods.month'), quarter: t('periods.quarter'), last90: t('periods.last90'), fiscalYear: t('periods.fiscalYear'), custom: t('periods.custom') }, from: t('custom.from'), to: t('custom.to'), apply: t('custom.apply'), range: t('periodLabel', { from: format.date(period.from), to: format.date(period.to) }) }}
      />
      <p className="text-xs text-zinc-500">
        {t('periodLabel', { from: format.date(period.from), to: format.date(period.to) })}
        {chosenCsm && ` · ${chosenCsm}`} · {freshAt ? t('freshness', { time: format.dateTime(freshAt) }) : t('notYetComputed')}
      </p>

      {nothing ? (
        <Card>
          <p className="text-sm text-zinc-600">{t('empty')}</p>
        </Card>
      ) : (
        <>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CoverageBars
                id="chart-tiers"
                title={t('charts.byTier')}
                description={t('charts.byTierDescription')}
                rows={tierRows.map((r) => ({ key: r.key, label: t('tierName', { tier: Number(r.key.slice(5)) }), counts: r.counts, href: r.href() }))}
                csvHref={csv('tiers')}
                labels={chartLabels}
                format={format}
                first={t('byTier')}
              />
            </Card>
            <Card>
              <CoverageTrend
                id="chart-trend"
                title={t('charts.trend')}
                description={t('charts.trendDescription', { from: format.date(view.trend.from, 'monthYearShort'), to: format.date(view.trend.to, 'monthYearShort') })}
                months={months}
                series={[
                  { key: 'total', label: t('total'), counts: byMonth.total },
                  ...([1, 2, 3] as const).map((n) => ({ key: n, label: t('tierName', { tier: n }), counts: byMonth[n] })),
                ]}
                csvHref={csv('trend')}
                labels={{ ...chartLabels, month: t('charts.month') }}
                format={format}
                monthLabel={t('charts.month')}
              />
            </Card>
          </div>
          {seesAll && ownerRows.length > 1 && (
            <Card>
              <CoverageBars
                id="chart-csms"
                title={t('charts.byCsm')}
                description={t('charts.byCsmDescription')}
                rows={summary
                  .filter((r): r is CoverageRow => r.grouping === 'owner')
                  .map((r) => ({ key: `owner-${r.ownerId ?? 'none'}`, label: r.ownerName ?? t('unassigned'), counts: r, href: drill({ csm: String(r.ownerId ?? 'none') })() }))}
                csvHref={csv('csms')}
                labels={chartLabels}
                format={format}
                first={t('gaps.owner')}
              />
            </Card>
          )}
          <Card title={t('byTier')} description={t('coverageHint')}>
            <CountsTable rows={[...tierRows, { key: 'total', label: <span className="font-medium">{t('total')}</span>, counts: total, href: drill({}) }]} labels={labels} format={format} first={t('byTier')} />
          </Card>
          {seesAll && ownerRows.length > 0 && (
            <Card title={t('byCsm')}>
              <CountsTable rows={ownerRows} labels={labels} format={format} first={t('gaps.owner')} />
            </Card>
          )}
          {ruleRows.length > 0 && (
            <Card
              title={t('byRule')}
              description={t('byRuleDescription')}
              actions={
                <a href={csv('rules')} download className="text-xs font-medium text-brand-700 hover:underline">
                  {t('charts.downloadCsv')}
                </a>
              }
            >
              <CountsTable rows={ruleRows} labels={labels} format={format} first={t('gaps.rule')} />
            </Card>
          )}
          <section id="gaps">
            <Card
              title={t('gaps.title')}
              description={`${t('gaps.description')} ${t('gaps.filteredBy', { what: filterWords.join(' · ') })}`}
              actions={
                (statusParam || tier || rule) && (
                  <Link href={`${here({ status: undefined, tier: undefined, rule: undefined })}#gaps`} className="text-sm text-brand-700 hover:underline">
                    {t('gaps.clear')}
                  </Link>
                )
              }
            >
              {gaps.rows.length === 0 ? (
                <p className="text-sm text-zinc-600">{t('gaps.empty')}</p>
              ) : (
                <>
                  <GapsTable
                    rows={gaps.rows}
                    format={format}
                    ruleLabel={ruleLabel}
                    statusLabel={(g) => t(`statuses.${g.status}`)}
                    metOnLabel={(date) => t('gaps.metOn', { date })}
                    labels={{ account: t('gaps.account'), rule: t('gaps.rule'), due: t('gaps.due'), status: t('gaps.status'), owner: t('gaps.owner'), plan: t('gaps.plan'), invite: t('gaps.invite'), share: t('gaps.share'), campaign: t('gaps.campaign'), unassigned: t('unassigned') }}
                  />
                  {pages > 1 && (
                    <Pager page={page} pages={pages} href={(p) => `${here({ page: p })}#gaps`} labels={{ previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page, pages }) }} />
                  )}
                </>
              )}
            </Card>
          </section>
        </>
      )}
    </div>
  );
}
