import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { listContentItems, listContentKinds } from '@/db/queries/content';
import { requirePageUser } from '@/lib/auth/current-user';
import { contentKindLabel } from '@/lib/content/kind-label';
import { one, type SearchParams } from '@/lib/url-params';
import { parseId, searchTerm } from '@/lib/validation/input';
import { FilterForm, FilterSelect } from '@/components/filter-form';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { NewItemForm } from './_components/new-item-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('content'))('title') };
}

export default async function ContentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser('content.read');
  const params = await searchParams;
  const filters = { q: searchTerm(one(params.q)), kindId: parseId(one(params.kind)) ?? undefined, archived: one(params.archived) === '1' };
  const db = await getDb();
  const [t, format, kinds, items] = await Promise.all([getTranslations('content'), getFormat(), listContentKinds(db), listContentItems(db, filters)]);
  const kindLabel = (k: { key: string | null; name: string | null }) => contentKindLabel(k, t);
  const adding = one(params.new) === '1';
  const filtered = Boolean(filters.q || filters.kindId || filters.archived);
  return (
    <ClientMessages ns={['content']}>
      <>
        <PageHeader
          title={t('title')}
          description={t('description')}
          actions={
            !adding && (
              <Link href="/content?new=1" className={buttonClass('primary')}>
                {t('add')}
              </Link>
            )
          }
        />
        {adding && <NewItemForm kinds={kinds.filter((k) => k.active).map((k) => ({ id: k.id, label: kindLabel(k) }))} />}
        <FilterForm path="/content">
          <div>
            <label htmlFor="content-q" className="mb-1 block text-xs font-medium text-zinc-600">
              {t('search')}
            </label>
            <Input id="content-q" name="q" defaultValue={filters.q ?? ''} className="w-56" />
          </div>
          <FilterSelect id="content-kind" name="kind" label={t('kind')} defaultValue={filters.kindId ? String(filters.kindId) : ''} options={[['', t('kindAll')], ...kinds.map((k): [string, string] => [String(k.id), kindLabel(k)])]} />
          <FilterSelect id="content-archived" name="archived" label={t('showArchived')} defaultValue={filters.archived ? '1' : ''} options={[['', '—'], ['1', t('archived')]]} />
          <Button type="submit" variant="secondary">
            {t('filter')}
          </Button>
        </FilterForm>
        {items.length === 0 ? (
          <p className="rounded-lg bg-white p-6 text-sm text-zinc-500 shadow-sm ring-1 ring-zinc-200">{filtered ? t('emptyFiltered') : t('empty')}</p>
        ) : (
          <div className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
            <Table>
              <thead>
                <tr>
                  <Th>{t('itemTitle')}</Th>
                  <Th className="hidden sm:table-cell">{t('kind')}</Th>
                  <Th className="hidden lg:table-cell">{t('tiers')}</Th>
                  <Th className="hidden lg:table-cell">{t('version')}</Th>
                  <Th className="hidden text-right sm:table-cell">{t('sharedWith')}</Th>
                  <Th className="hidden text-right sm:table-cell">{t('opened')}</Th>
                  <Th className="hidden md:table-cell">{t('updated')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {items.map((item) => (
                  <tr key={item.id}>
                    <Td className="max-w-md whitespace-normal">
                      <Link href={`/content/${item.id}`} className="font-medium text-zinc-900 hover:text-brand-700 hover:underline">
                        {item.title}
                      </Link>
                      {item.language && <span className="ml-2 text-xs text-zinc-500">{t(`languages.${item.language}`)}</span>}
                      {item.description && <span className="block truncate text-xs text-zinc-500">{item.description}</span>}
                      {/* Phones: the figures the hidden columns hold, on one line. */}
                      <span className="mt-0.5 block text-xs text-zinc-500 sm:hidden">
                        {kindLabel({ key: item.kindKey, name: item.kindName })} · {item.stats.accounts ? t('accountsCount', { count: item.stats.accounts }) : t('notShared')}
                        {item.stats.recipients > 0 && ` · ${format.ratio(item.stats.opened / item.stats.recipients)} ${t('opened')}`}
                      </span>
                    </Td>
                    <Td className="hidden sm:table-cell">
                      <Badge>{kindLabel({ key: item.kindKey, name: item.kindName })}</Badge>
                    </Td>
                    <Td className="hidden lg:table-cell">{item.tiers.length ? item.tiers.map((n) => t('tierN', { tier: n })).join(', ') : t('tiersAny')}</Td>
                    <Td className="hidden tabular-nums lg:table-cell">{t('versionN', { number: item.latest })}</Td>
                    <Td className="hidden text-right tabular-nums sm:table-cell">{item.stats.accounts ? t('accountsCount', { count: item.stats.accounts }) : <span className="text-zinc-400">{t('notShared')}</span>}</Td>
                    <Td className="hidden text-right tabular-nums sm:table-cell">
                      {item.stats.recipients
                        ? t('openRate', { opened: item.stats.opened, recipients: item.stats.recipients, rate: format.ratio(item.stats.opened / item.stats.recipients) })
                        : '—'}
                    </Td>
                    <Td className="tabular-nums text-zinc-500">{format.date(item.updatedAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </>
    </ClientMessages>
  );
}
