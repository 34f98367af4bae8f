import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { UtilisationChart } from '@/components/capacity/utilisation-chart';
import type { Workspace } from '@/db/queries/workspace';
import { capacityMonth } from '@/lib/server/capacity';
import { overdueActivities } from '@/db/queries/calendar';
import { coverageSummary, type CoverageRow } from '@/db/queries/coverage-report';
import { renewalMonthsShown, renewalsAhead, renewalsByMonth } from '@/db/queries/home';
import { listPendingRequests } from '@/db/queries/override-requests';
import { teamTaskLoad } from '@/db/queries/tasks';
import { coverageRatio, noCoverage } from '@/lib/coverage/obligations';
import type { Period } from '@/lib/coverage/period';
import type { Format } from '@/lib/format';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { Card } from '@/components/ui/card';
import { Stat, Stats } from '@/components/ui/stat';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { PlannedList } from '@/components/calendar/planned-list';
import { toShown } from '@/components/calendar/shown';
import { CoverageBars, type ChartLabels, type CountsBar } from '@/components/coverage/coverage-charts';
import { TeamTasksCard } from './tasks-card';

const shown = 5;

const toneOf = (ratio: number | null) => (ratio === null ? 'neutral' : ratio >= 0.9 ? 'good' : ratio >= 0.7 ? 'warn' : 'bad');

/** A manager's work: coverage by tier and CSM, pending override requests, the team's task load (on `taskToday`, as on /tasks) and overdue, renewals by month. */
export async function ManagerHome({ now, today, taskToday, quarter, timeZone, format, workspace, language }: { now: Date; today: LocalDate; taskToday: LocalDate; quarter: Period; timeZone: string; format: Format; workspace: Workspace; language: string }) {
  const db = await getDb();
  const [t, tc, summary, requests, overdue, renewals, byMonth, capacity, taskLoad] = await Promise.all([
    getTranslations('home'),
    getTranslations('coverage'),
    coverageSummary(db, { from: quarter.from, to: quarter.to }),
    listPendingRequests(db),
    overdueActivities(db, { now, limit: shown }),
    renewalsAhead(db, { from: today, to: addDays(today, 90), limit: 0 }),
    renewalsByMonth(db, { from: today, months: renewalMonthsShown }),
    capacityMonth(db, { month: today.slice(0, 7), now, workspace, language, activity: false }),
    teamTaskLoad(db, taskToday),
  ]);
  const overCapacity = capacity.rows.filter((r) => r.over);
  const total = summary.find((r) => r.grouping === 'total') ?? noCoverage;
  const tier1 = summary.find((r) => r.grouping === 'tier' && r.tier === 1) ?? noCoverage;
  const overdueItems = await toShown(overdue.rows, now);
  const chartLabels: ChartLabels = {
    onTime: tc('figures.onTime'),
    late: tc('figures.late'),
    missed: tc('figures.missed'),
    overdue: tc('figures.overdue'),
    due: tc('figures.due'),
    coverage: tc('figures.coverage'),
    showTable: tc('charts.showTable'),
    downloadCsv: tc('charts.downloadCsv'),
    barLink: (v) => tc('charts.barLink', v),
  };
  const drill = (q: string) => `/coverage?period=quarter&${q}#gaps`;
  const tierBars: CountsBar[] = [1, 2, 3].map((n) => ({ key: `tier-${n}`, label: tc('tierName', { tier: n }), counts: summary.find((r) => r.grouping === 'tier' && r.tier === n) ?? { ...noCoverage }, href: drill(`tier=${n}`) }));
  const ownerBars: CountsBar[] = summary
    .filter((r): r is CoverageRow => r.grouping === 'owner')
    .map((r) => ({ key: `owner-${r.ownerId ?? 'none'}`, label: r.ownerName ?? t('unassigned'), counts: r, href: drill(`csm=${r.ownerId ?? 'none'}`) }));

  return (
    <div className="space-y-4">
      <Stats label={t('figures')}>
        <Stat label={t('coverageQuarter')} value={format.ratio(coverageRatio(total))} detail={total.due ? t('onTimeOfDue', { onTime: total.onTime, due: total.due }) : t('nothingDue')} tone={toneOf(coverageRatio(total))} href="/coverage" />
        <Stat label={t('tier1Coverage')} value={format.ratio(coverageRatio(tier1))} detail={tier1.due ? t('onTimeOfDue', { onTime: tier1.onTime, due: tier1.due }) : t('nothingDue')} tone={toneOf(coverageRatio(tier1))} href="/coverage?tier=1#gaps" />
        <Stat label={t('requests')} value={format.number(requests.length)} detail={t('requestsDetail')} tone={requests.length ? 'warn' : 'neutral'} href="/accounts/requests" />
        <Stat label={t('overCapacity')} value={format.number(overCapacity.length)} detail={overCapacity.length ? overCapacity.map((r) => r.name).join(', ') : t('overCapacityNone')} tone={overCapacity.length ? 'bad' : 'good'} href="/coverage/capacity" />
        <Stat label={t('teamOverdue')} value={format.number(overdue.total)} detail={t('overdueDetail')} tone={overdue.total ? 'bad' : 'neutral'} href="/team" />
        <Stat label={t('renewals')} value={format.number(renewals.total)} detail={t('renewalsDetail', { arr: format.money(renewals.arr, { compact: true }) })} />
      </Stats>
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CoverageBars id="home-tiers" title={t('coverageByTier')} description={t('coverageChartDescription')} rows={tierBars} csvHref="/coverage/csv/tiers?period=quarter" labels={chartLabels} format={format} first={tc('byTier')} />
        </Card>
        <Card>
          <CoverageBars id="home-csms" title={t('coverageByCsm')} description={t('coverageChartDescription')} rows={ownerBars} csvHref="/coverage/csv/csms?period=quarter" labels={chartLabels} format={format} first={tc('gaps.owner')} />
        </Card>
      </div>
      <Card>
        <UtilisationChart id="home-capacity" title={t('capacityTitle')} description={t('capacityDescription')} rows={capacity.rows} href={() => '/coverage/capacity'} format={format} />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('requestsTitle')} actions={requests.length > 0 && <Link href="/accounts/requests" className="text-sm text-brand-700 hover:underline">{t('openRequests')}</Link>}>
          {requests.length === 0 ? (
            <p className="text-sm text-zinc-500">{t('requestsEmpty')}</p>
          ) : (
            <ul className="divide-y divide-zinc-100 text-sm">
              {requests.slice(0, shown).map((r) => (
                <li key={r.id} className="py-2 first:pt-0 last:pb-0">
                  <Link href={`/accounts/${r.accountId}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                    {r.accountName}
                  </Link>
                  <p className="text-xs text-zinc-500">
                    {t('requestedBy', { name: r.requesterName, tier: r.requestedTier })} · {format.date(r.createdAt)}
                  </p>
                  <p className="line-clamp-1 text-xs text-zinc-600">{r.reason}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <TeamTasksCard load={taskLoad} format={format} />
        <Card title={t('teamOverdue')} description={t('teamOverdueDescription')} actions={<Link href="/team" className="text-sm text-brand-700 hover:underline">{t('openTeam')}</Link>}>
          <PlannedList items={overdueItems} now={now} timeZone={timeZone} showOwner empty={t('overdueEmpty')} />
        </Card>
      </div>
      <Card>
        <ChartFigure
          id="renewals-by-month"
          title={t('renewalsByMonth')}
          description={t('renewalsByMonthDescription')}
          csvHref="/accounts/renewals/csv"
          labels={{ showTable: t('showTable'), downloadCsv: t('downloadCsv') }}
          table={{
            head: [{ label: t('month') }, { label: t('accounts'), numeric: true }, { label: t('arr'), numeric: true }],
            rows: byMonth.map((m) => ({ key: m.month, cells: [format.date(m.month, 'monthYear'), format.number(m.accounts), format.money(m.arr)] })),
          }}
        >
          <BarChart
            series={[{ key: 'arr', label: t('arr'), tone: 'brand' }]}
            rows={byMonth.map((m) => ({ key: m.month, label: t('renewalLabel', { month: format.date(m.month, 'monthYearShort'), accounts: m.accounts }), values: { arr: Number(m.arr) }, note: format.money(m.arr, { compact: true }) }))}
            format={(v) => format.money(v, { compact: true })}
          />
        </ChartFigure>
      </Card>
    </div>
  );
}
