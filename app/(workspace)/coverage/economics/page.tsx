import type { Metadata } from 'next';
import Link from 'next/link';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { economicsPageSize } from '@/db/queries/economics';
import { overrideHref } from '@/lib/accounts/override-prefill';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/dates';
import { fiscalYearChoices, resolveEconomicsPeriod, type EconomicsPeriod } from '@/lib/economics/period';
import { getFormat } from '@/lib/i18n/format';
import { economicsOverview, type EconomicsAccount } from '@/lib/server/economics';
import { one, withParams, type SearchParams } from '@/lib/url-params';
import { parsePage } from '@/lib/validation/input';
import { BarChart } from '@/components/charts/bar-chart';
import { ChartFigure } from '@/components/charts/chart-figure';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { OverTable, UncaredTable } from './_components/account-lists';
import { TierTable } from './_components/tier-table';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('economics'))('title') };
}

const isZero = (amount: string) => Number(amount) === 0;

/**
 * Unit economics for a year (the last 12 months or a fiscal year): per tier,
 * cost to serve against ARR and LTV with its share of ARR as a chart; the
 * accounts whose cost is over the threshold share of ARR and the Tier 1
 * accounts with coverage under 50 %, each with a link to override its tier,
 * the reason filled in. Managers and admins.
 */
export default async function EconomicsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('economics.read');
  const db = await getDb();
  const [workspace, params, now, t] = await Promise.all([pageWorkspace(), searchParams, getNow(), getTranslations('economics')]);
  const format = await getFormat(workspace.currency);
  const today = todayIn(workspace.timeZone, now);
  const period = resolveEconomicsPeriod(one(params.period), { today, fiscalYearStartMonth: workspace.fiscalYearStartMonth });
  const overPage = parsePage(one(params.overPage));
  const uncaredPage = parsePage(one(params.uncaredPage));
  const data = await economicsOverview(db, { workspace, period, overPage, uncaredPage });

  const periodName = (p: EconomicsPeriod) => (p.fiscalYear === null ? t('periods.last12') : t(p.toDate ? 'periods.fiscalYearToDate' : 'periods.fiscalYear', { year: p.fiscalYear }));
  const periodRange = `${format.date(period.from)} – ${format.date(period.to)}`;
  const periodLabel = t('periodLabel', { from: format.date(period.from), to: format.date(period.to), months: period.months });
  const choices = [resolveEconomicsPeriod('last12', { today, fiscalYearStartMonth: workspace.fiscalYearStartMonth }), ...fiscalYearChoices(today, workspace.fiscalYearStartMonth)];
  const here = (changes: Record<string, string | number | undefined>) => `/coverage/economics${withParams({ ...params }, changes)}`;
  const threshold = format.percent(data.settings.thresholdPct);
  const s = data.settings;
  const noCosts = [s.hourlyCost, s.tooling[1], s.tooling[2], s.tooling[3]].every(isZero);
  const csv = (what: string) => `/coverage/economics/csv/${what}${withParams({ period: period.key }, {})}`;
  const tierName = (tier: number) => t('tierName', { tier });
  const hours = (value: string) => t('hours', { hours: format.hours(value) });

  const overReason = (r: EconomicsAccount) =>
    r.sharePct === null
      ? t('noArrReason', { cost: format.money(r.cost), period: periodRange })
      : t('overReason', { cost: format.money(r.cost), share: format.percent(r.sharePct), arr: format.money(r.arr), threshold, period: periodRange });
  const coverageOf = (r: EconomicsAccount) => t('uncared.coverage', { onTime: r.onTime, due: r.due });
  const uncaredReason = (r: EconomicsAccount) => t('uncaredReason', { coverage: format.ratio(r.onTime / r.due), onTime: r.onTime, due: r.due, period: periodRange });
  const listLabels = {
    account: t('account'),
    csm: t('csm'),
    arr: t('columns.arr'),
    cost: t('columns.cost'),
    override: t('override'),
    unassigned: t('unassigned'),
    tierName,
    overrideLabel: (name: string) => t('overrideLabel', { name }),
  };
  const pager = (total: number, page: number, key: string, anchor: string) => {
    const pages = Math.max(1, Math.ceil(total / economicsPageSize));
    return pages > 1 ? <Pager page={page} pages={pages} href={(p) => `${here({ [key]: p })}#${anchor}`} labels={{ previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page, pages }) }} /> : null;
  };

  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('description')} />
      <nav aria-label={t('periodNav')} className="flex flex-wrap gap-1">
        {choices.map((p) => (
          <Link
            key={p.key}
            href={here({ period: p.key === 'last12' ? undefined : p.key, overPage: undefined, uncaredPage: undefined })}
            aria-current={p.key === period.key ? 'page' : undefined}
            className={`rounded-md px-2.5 py-1 text-sm ${p.key === period.key ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900'}`}
          >
            {periodName(p)}
          </Link>
        ))}
      </nav>
      <p className="text-xs text-zinc-500">
        {periodLabel}
        {period.toDate && ` · ${t('toDateNote')}`}
        <br />
        {t('costsLine', { hour: format.money(s.hourlyCost), tier1: format.money(s.tooling[1]), tier2: format.money(s.tooling[2]), tier3: format.money(s.tooling[3]) })}{' '}
        {can(user, 'workspace.manage') && (
          <Link href="/admin/workspace" className="font-medium text-brand-700 hover:underline">
            {t('changeCosts')}
          </Link>
        )}
      </p>
      {noCosts && (
        <Notice tone="info">
          {t('noCosts')} {can(user, 'workspace.manage') ? t('noCostsAdmin') : t('noCostsManager')}
        </Notice>
      )}

      <Card
        title={t('byTier')}
        description={t('byTierHint')}
        actions={
          <a href={csv('tiers')} download className="text-xs font-medium text-brand-700 hover:underline">
            {t('downloadCsv')}
          </a>
        }
      >
        <TierTable
          tiers={data.tiers}
          total={data.total}
          format={format}
          threshold={Number(s.thresholdPct)}
          labels={{ ...Object.fromEntries((['tier', 'accounts', 'arr', 'cost', 'share', 'perAccount', 'ltv', 'hours', 'over'] as const).map((k) => [k, t(`columns.${k}`)])), total: t('total'), tierName, hoursValue: hours } as Parameters<typeof TierTable>[0]['labels']}
        />
      </Card>

      <Card>
        <ChartFigure
          id="cost-share"
          title={t('chartTitle')}
          description={t('chartDescription', { threshold })}
          csvHref={csv('tiers')}
          labels={{ showTable: t('showTable'), downloadCsv: t('downloadCsv') }}
          table={{
            head: [{ label: t('columns.tier') }, { label: t('columns.cost'), numeric: true }, { label: t('columns.arr'), numeric: true }, { label: t('columns.share'), numeric: true }],
            rows: data.tiers.map((r) => ({ key: String(r.tier), cells: [tierName(r.tier), format.money(r.cost), format.money(r.arr), format.percent(r.sharePct)] })),
          }}
        >
          <BarChart
            series={[{ key: 'share', label: t('columns.share'), tone: 'brand' }]}
            threshold={{ value: Number(s.thresholdPct), label: t('threshold', { threshold }), overTone: 'red' }}
            rows={data.tiers.map((r) => ({ key: String(r.tier), label: tierName(r.tier), values: { share: r.sharePct === null ? 0 : Number(r.sharePct) }, note: format.percent(r.sharePct) }))}
            format={(v) => format.percent(v)}
          />
        </ChartFigure>
      </Card>

      <section id="over">
        <Card title={t('over.title')} description={`${t('over.description', { threshold })} · ${t('totalCount', { count: data.over.total })}`}>
          {data.over.rows.length === 0 ? (
            <p className="text-sm text-zinc-600">{t('over.empty', { threshold })}</p>
          ) : (
            <>
              <OverTable
                rows={data.over.rows}
                format={format}
                overrideHref={(r) => overrideHref(r.id, Math.min(3, r.tier + 1), overReason(r))}
                labels={{ ...listLabels, share: t('columns.share'), noArr: t('over.noArr') }}
              />
              {pager(data.over.total, overPage, 'overPage', 'over')}
            </>
          )}
        </Card>
      </section>

      <section id="uncared">
        <Card title={t('uncared.title')} description={`${t('uncared.description')} · ${t('totalCount', { count: data.uncared.total })}`}>
          {data.uncared.rows.length === 0 ? (
            <p className="text-sm text-zinc-600">{t('uncared.empty')}</p>
          ) : (
            <>
              <UncaredTable
                rows={data.uncared.rows}
                format={format}
                overrideHref={(r) => overrideHref(r.id, 2, uncaredReason(r))}
                labels={{ ...listLabels, ltv: t('columns.ltv'), coverage: t('coverage'), coverageOf }}
              />
              {pager(data.uncared.total, uncaredPage, 'uncaredPage', 'uncared')}
            </>
          )}
        </Card>
      </section>

      <p className="text-sm">
        <a href={csv('accounts')} download className="font-medium text-brand-700 hover:underline">
          {t('downloadAccounts')}
        </a>
      </p>
    </div>
  );
}
