import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { accountTotals, listAccounts, ownerOptions } from '@/db/queries/accounts';
import { accountPageSize, sortKeys } from '@/lib/accounts/filters';
import { ownerParam, parseAccountFilters } from '@/lib/accounts/list-params';
import { withParams, type SearchParams } from '@/lib/url-params';
import { canManageAccounts } from '@/lib/auth/access';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/current-user';
import { getFormat } from '@/lib/i18n/format';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { AccountTable, type AccountListRow } from './_components/account-table';
import { AccountFilters } from './_components/account-filters';
import { Totals } from './_components/totals';
import { ownsBook } from '@/lib/vocabulary';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('title') };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const db = await getDb();
  const workspace = await pageWorkspace();
  const filters = parseAccountFilters(params, user);
  const [t, locale, format, now, rows, totals, owners] = await Promise.all([
    getTranslations('accounts'),
    getLocale(),
    getFormat(workspace.currency),
    getNow(),
    listAccounts(db, filters),
    accountTotals(db, filters),
    ownerOptions(db, typeof filters.ownerId === 'number' ? filters.ownerId : undefined),
  ]);
  const count = totals.reduce((n, r) => n + r.count, 0);
  const page = filters.page ?? 1;
  const pages = Math.max(1, Math.ceil(count / accountPageSize));
  const owner = ownerParam(params, user.role);
  const manage = canManageAccounts(user);
  const tableRows: AccountListRow[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    domain: r.domain,
    tier: r.tier,
    override: r.tierSource === 'override',
    ownerName: r.ownerName,
    stage: r.lifecycleStage,
    arr: format.money(r.arr),
    ltv: format.money(r.ltv),
    renewalDate: r.renewalDate && format.date(r.renewalDate),
    nextTouch: r.nextTouchAt && format.date(r.nextTouchAt),
    nextTouchOverdue: !!r.nextTouchAt && r.nextTouchAt < now,
    lastTouch: r.lastTouchAt && format.date(r.lastTouchAt),
    health: r.healthScore !== null && r.healthBand ? { score: r.healthScore, band: r.healthBand as 'poor' | 'average' | 'good' } : null,
  }));
  return (
    <ClientMessages ns={['accounts', 'health']}>
      <>
        <PageHeader
          title={owner === 'me' ? t('myBook') : t('title')}
          description={t('description')}
          actions={
            <>
              <a
                href={`/accounts/export${withParams(params, { page: undefined, sort: undefined, dir: undefined })}`}
                download
                className={buttonClass('secondary')}
              >
                {t('exportCsv')}
              </a>
              {manage && (
                <Link href="/accounts/import" className={buttonClass('secondary')}>
                  {t('importCsv')}
                </Link>
              )}
              {can(user, 'contacts.write') && (
                <Link href="/contacts/import" className={buttonClass('secondary')}>
                  {t('importContacts')}
                </Link>
              )}
              <Link href="/accounts/new" className={buttonClass('primary')}>
                {t('newAccount')}
              </Link>
            </>
          }
        />
        <AccountFilters
          values={{
            q: filters.q ?? '',
            tier: filters.tiers?.join(',') ?? '',
            owner: String(owner),
            stage: filters.stage ?? '',
            renewal: filters.renewalWithinDays ? String(filters.renewalWithinDays) : '',
            source: filters.tierSource ?? '',
            health: filters.health?.join(',') ?? '',
            sort: filters.sort ?? '',
            dir: filters.dir ?? '',
          }}
          csms={owners.map((o) => ({ id: o.id, name: o.active ? o.name : t('inactiveOwner', { name: o.name }) }))}
          showMine={ownsBook(user.role)}
        />
        <Totals totals={totals} currency={workspace.currency} locale={locale} />
        <AccountTable
          rows={tableRows}
          canReassign={manage}
          csms={owners.filter((o) => o.active)}
          sort={filters.sort ?? 'name'}
          dir={filters.dir ?? 'asc'}
          sortHrefs={Object.fromEntries(
            sortKeys.map((key) => [key, `/accounts${withParams(params, { sort: key, dir: (filters.sort ?? 'name') === key && filters.dir !== 'desc' ? 'desc' : undefined, page: undefined })}`]),
          )}
          emptyHint={count === 0 && !filters.q && !filters.tiers && !filters.stage ? 'noAccounts' : 'noMatch'}
          total={count}
          matchingQuery={withParams(params, { page: undefined, sort: undefined, dir: undefined }).replace(/^\?/, '')}
        />
        {count > 0 && (
          <nav aria-label={t('pagination')} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-zinc-600">
            <span>{t('showing', { from: (page - 1) * accountPageSize + 1, to: Math.min(page * accountPageSize, count), total: count })}</span>
            <span className="flex gap-2">
              {page > 1 && (
                <Link className={buttonClass('secondary')} href={`/accounts${withParams(params, { page: page - 1 })}`}>
                  {t('previous')}
                </Link>
              )}
              {page < pages && (
                <Link className={buttonClass('secondary')} href={`/accounts${withParams(params, { page: page + 1 })}`}>
                  {t('next')}
                </Link>
              )}
            </span>
          </nav>
        )}
      </>
    </ClientMessages>
  );
}
