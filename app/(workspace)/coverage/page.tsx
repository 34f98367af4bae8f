import type { Metadata } from 'next';
import Link from 'next/link';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { coverageFreshness, coverageGaps, coverageSummary, gapPageSize, type CoverageRow } from '@/db/queries/coverage-report';
import { listActivityTypes } from '@/db/queries/playbooks';
import { getWorkspace } from '@/db/queries/workspace';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { noCoverage } from '@/lib/coverage/obligations';
import { resolvePeriod } from '@/lib/coverage/period';
import { todayIn } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { one, withParams, type SearchParams } from '@/lib/url-params';
import { parseId, parsePage } from '@/lib/validation/input';
import { obligationStatuses, type ObligationStatus } from '@/lib/vocabulary';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { CountsTable, type CountsRow } from '@/components/coverage/counts-table';
import { GapsTable } from '@/components/coverage/gaps-table';
import { gapRuleLabel } from '@/components/coverage/rule-label';
import { PeriodPicker } from './_components/period-picker';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('coverage'))('title') };
}

const dueStatuses: ObligationStatus[] = ['on_time', 'late', 'missed', 'overdue'];
const gapStatuses: ObligationStatus[] = ['overdue', 'missed'];

/** `status=due` is every due obligation; one status alone; else the open gaps. */
function statusesOf(raw: string | undefined): ObligationStatus[] {
  if (raw === 'due') return dueStatuses;
  return obligationStatuses.find((s) => s === raw) ? [raw as ObligationStatus] : gapStatuses;
}

/**
 * Coverage of the playbooks' promises for a period: in total, by tier and by
 * CSM, and the obligations behind every figure with the action that fixes
 * them. CSMs see their own book; managers and admins everyone's.
 */
export default async function CoveragePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('coverage.read');
  const db = await getDb();
  const [workspace, params, now, t, tp, format] = await Promise.all([getWorkspace(db), searchParams, getNow(), getTranslations('coverage'), getTranslations('playbooks'), getFormat()]);
  const seesAll = can(user, 'team.view');
  const today = todayIn(workspace.timeZone, now);
  const period = resolvePeriod({ period: one(params.period), from: one(params.from), to: one(params.to) }, { today, fiscalYearStartMonth: workspace.fiscalYearStartMonth });
  const csmParam = one(params.csm);
  const ownerId = !seesAll ? user.id : csmParam === 'none' ? null : (parseId(csmParam) ?? undefined);
  const tierParam = Number(one(params.tier));
  const tier = [1, 2, 3].includes(tierParam) ? tierParam : undefined;
  const statusParam = one(params.status);
  const statuses = statusesOf(statusParam);
  const page = parsePage(one(params.page));
  const scope = { from: period.from, to: period.to, ownerId };

  const [summary, gaps, freshAt, types, csms] = await Promise.all([
    coverageSummary(db, scope),
    coverageGaps(db, { ...scope, tier, statuses, page }),
    coverageFreshness(db),
    listActivityTypes(db),
    seesAll ? activeCsms(db) : Promise.resolve([]),
  ]);

  const here = (changes: Record<string, string | number | undefined>) => `/coverage${withParams({ ...params }, { page: undefined, ...changes })}`;
  const drill = (changes: { tier?: number; csm?: string }) => (status?: string) => `${here({ tier: changes.tier, csm: changes.csm ?? (seesAll ? csmParam : undefined), status })}#gaps`;
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

  const ruleLabel = gapRuleLabel(types, t, tp);
  const filterWords = [
    tier && t('tierName', { tier }),
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
        hidden={Object.fromEntries(Object.entries({ csm: seesAll ? csmParam : undefined, tier: tier ? String(tier) : undefined }).filter((e): e is [string, string] => !!e[1]))}
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
          <Card title={t('byTier')} description={t('coverageHint')}>
            <CountsTable rows={[...tierRows, { key: 'total', label: <span className="font-medium">{t('total')}</span>, counts: total, href: drill({}) }]} labels={labels} format={format} first={t('byTier')} />
          </Card>
          {seesAll && ownerRows.length > 0 && (
            <Card title={t('byCsm')}>
              <CountsTable rows={ownerRows} labels={labels} format={format} first={t('gaps.owner')} />
            </Card>
          )}
          <section id="gaps">
            <Card
              title={t('gaps.title')}
              description={`${t('gaps.description')} ${t('gaps.filteredBy', { what: filterWords.join(' · ') })}`}
              actions={
                (statusParam || tier) && (
                  <Link href={`${here({ status: undefined, tier: undefined })}#gaps`} className="text-sm text-brand-700 hover:underline">
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
                    labels={{ account: t('gaps.account'), rule: t('gaps.rule'), due: t('gaps.due'), status: t('gaps.status'), owner: t('gaps.owner'), plan: t('gaps.plan'), invite: t('gaps.invite'), share: t('gaps.share'), unassigned: t('unassigned') }}
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
