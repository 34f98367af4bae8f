import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { contentStatsByTier, findContentItem, listContentKinds, listContentRecipients, listContentVersions, recipientPageSize } from '@/db/queries/content';
import { canEditContent, canManageAccounts } from '@/lib/auth/access';
import { requirePageUser } from '@/lib/auth/current-user';
import { contentKindLabel } from '@/lib/content/kind-label';
import { one, withParams, type SearchParams } from '@/lib/url-params';
import { parseId, parsePage } from '@/lib/validation/input';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Pager } from '@/components/ui/pager';
import { Table, Td, Th } from '@/components/ui/table';
import { AddVersionForm } from '../_components/add-version-form';
import { EditItemForm } from '../_components/edit-item-form';
import { ShareForm } from '../_components/share-form';
import { ClientMessages } from '@/components/i18n/client-messages';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

async function load(idParam: string) {
  const id = parseId(idParam);
  return id === null ? undefined : findContentItem(await getDb(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).id);
  return { title: item?.title ?? (await getTranslations('content'))('title') };
}

const statusTone = { not_sent: 'neutral', queued: 'indigo', sent: 'brand', failed: 'red', opted_out: 'amber' } as const;

export default async function ContentItemPage({ params, searchParams }: Props) {
  const user = await requirePageUser('content.read');
  const item = await load((await params).id);
  if (!item) notFound();
  const query = await searchParams;
  const page = parsePage(one(query.page));
  const db = await getDb();
  const [t, format, kinds, versions, stats, recipients, csms] = await Promise.all([
    getTranslations('content'),
    getFormat(),
    listContentKinds(db),
    listContentVersions(db, item.id),
    contentStatsByTier(db, item.id),
    listContentRecipients(db, item.id, page),
    canManageAccounts(user) ? activeCsms(db) : Promise.resolve(null),
  ]);
  const kindLabel = (k: { key: string | null; name: string | null }) => contentKindLabel(k, t);
  const kind = kinds.find((k) => k.id === item.kindId)!;
  const editable = canEditContent(user, item);
  const total = stats.reduce((a, s) => ({ accounts: a.accounts + s.accounts, recipients: a.recipients + s.recipients, opened: a.opened + s.opened }), { accounts: 0, recipients: 0, opened: 0 });
  const pages = Math.max(1, Math.ceil(total.recipients / recipientPageSize));
  const rate = (opened: number, of: number) => (of ? format.ratio(opened / of) : '—');
  const date = (d: Date | null) => (d ? format.date(d) : '—');
  const pageHref = (p: number) => `/content/${item.id}${withParams(query, { page: p === 1 ? undefined : p })}#recipients`;

  return (
    <ClientMessages ns={['accounts', 'content', 'health']}>
      <div className="space-y-4">
        <Link href="/content" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('back')}
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-lg font-semibold text-zinc-900">{item.title}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-500">
              <Badge>{kindLabel(kind)}</Badge>
              {item.archived && <Badge tone="amber">{t('archived')}</Badge>}
              <span>{item.language ? t(`languages.${item.language}`) : t('languageAny')}</span>
              <span>· {item.tiers.length ? item.tiers.map((n) => t('tierN', { tier: n })).join(', ') : t('tiersAny')}</span>
            </p>
            {item.description && <p className="mt-2 max-w-3xl whitespace-pre-wrap text-sm text-zinc-700">{item.description}</p>}
          </div>
        </div>

        {editable && (
          <details className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
            <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-brand-700">{t('edit')}</summary>
            <div className="border-t border-zinc-100 p-4">
              <EditItemForm item={item} kinds={kinds.filter((k) => k.active || k.id === item.kindId).map((k) => ({ id: k.id, label: kindLabel(k) }))} />
            </div>
          </details>
        )}

        <div className="grid gap-4 lg:grid-cols-3">
          <Card title={t('share')} description={t('shareDescription')} className="lg:col-span-2">
            {item.archived ? <p className="text-sm text-zinc-500">{t('archivedHint')}</p> : <ShareForm itemId={item.id} csms={csms} />}
          </Card>
          <Card title={t('reachTitle')} description={t('reachDescription')}>
            {stats.length === 0 ? (
              <p className="text-sm text-zinc-500">{t('notShared')}</p>
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>{t('tier')}</Th>
                    <Th className="text-right">{t('accounts')}</Th>
                    <Th className="text-right">{t('contacts')}</Th>
                    <Th className="text-right">{t('openRateHeader')}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 tabular-nums">
                  {[...stats.map((s) => ({ label: t('tierN', { tier: s.tier }), ...s })), { label: t('total'), ...total }].map((s) => (
                    <tr key={s.label} className={s.label === t('total') ? 'font-medium' : undefined}>
                      <Td>{s.label}</Td>
                      <Td className="text-right">{s.accounts}</Td>
                      <Td className="text-right">{s.recipients}</Td>
                      <Td className="text-right">{rate(s.opened, s.recipients)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>

        <Card title={t('versions')} description={t('versionsDescription')}>
          <ol className="divide-y divide-zinc-100">
            {versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-1.5 text-sm">
                <span className="w-10 font-medium tabular-nums text-zinc-900">{t('versionN', { number: v.number })}</span>
                <a href={`/content/versions/${v.id}`} className="max-w-md truncate text-brand-700 hover:underline" target="_blank" rel="noopener noreferrer">
                  {v.fileName ?? v.url}
                </a>
                {v.note && <span className="text-zinc-600">{v.note}</span>}
                <span className="text-xs text-zinc-500">
                  {date(v.createdAt)}
                  {v.createdByName && ` · ${t('uploadedBy', { name: v.createdByName })}`}
                </span>
              </li>
            ))}
          </ol>
          {editable && !item.archived && (
            <details className="mt-3 border-t border-zinc-100 pt-3">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('addVersion')}</summary>
              <div className="mt-3">
                <AddVersionForm itemId={item.id} />
              </div>
            </details>
          )}
        </Card>

        <Card title={t('recipients')} description={t('recipientsDescription')}>
          <div id="recipients" />
          {recipients.length === 0 ? (
            <p className="text-sm text-zinc-500">{t('noRecipients')}</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t('contact')}</Th>
                  <Th className="hidden sm:table-cell">{t('account')}</Th>
                  <Th className="hidden md:table-cell">{t('sharedAt')}</Th>
                  <Th>{t('emailColumn')}</Th>
                  <Th className="text-right">{t('opens')}</Th>
                  <Th className="hidden md:table-cell">{t('lastOpened')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {recipients.map((r) => (
                  <tr key={r.id}>
                    <Td>
                      <span className="font-medium text-zinc-900">{r.contactName}</span>
                      <span className="block text-xs text-zinc-500">{r.email}</span>
                      <span className="block text-xs text-zinc-500 sm:hidden">{r.accountName}</span>
                    </Td>
                    <Td className="hidden sm:table-cell">
                      <Link href={`/accounts/${r.accountId}`} className="hover:text-brand-700 hover:underline">
                        {r.accountName}
                      </Link>
                    </Td>
                    <Td className="hidden tabular-nums md:table-cell">
                      {date(r.sharedAt)} <span className="text-xs text-zinc-500">{t('versionN', { number: r.versionNumber })}</span>
                    </Td>
                    <Td>
                      <Badge tone={statusTone[r.emailStatus]}>{t(`emailStatuses.${r.emailStatus}`)}</Badge>
                    </Td>
                    <Td className="text-right tabular-nums">{r.openCount}</Td>
                    <Td className="hidden tabular-nums md:table-cell">{date(r.lastOpenedAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {pages > 1 && <Pager page={page} pages={pages} href={pageHref} labels={{ previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page, pages }) }} />}
        </Card>
      </div>
    </ClientMessages>
  );
}
