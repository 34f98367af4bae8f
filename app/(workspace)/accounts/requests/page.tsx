import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { listDecidedRequests, listPendingRequests } from '@/db/queries/override-requests';
import { requirePageUser } from '@/lib/auth/current-user';
import { loose } from '@/lib/i18n/loose';
import type { TierReason } from '@/lib/tiering/compute';
import { describeTierReason } from '@/lib/tiering/reason-text';
import { TierBadge } from '@/components/tier-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { DecideRequestForm } from './decide-request-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('requestsTitle') };
}

/** Pending requests with what to weigh them against, then the latest decisions. */
export default async function OverrideRequestsPage() {
  await requirePageUser('overrideRequests.decide');
  const db = await getDb();
  const [t, tr, workspace, requests, decided] = await Promise.all([
    getTranslations('accounts'),
    getTranslations('tierReason'),
    pageWorkspace(),
    listPendingRequests(db),
    listDecidedRequests(db),
  ]);
  const format = await getFormat(workspace.currency);
  const money = (v: string | null) => format.money(v);
  const day = (d: Date) => format.date(d);
  return (
    <ClientMessages ns={['accounts']}>
      <div className="max-w-5xl space-y-6">
        <PageHeader title={t('requestsTitle')} description={t('requestsDescription')} />
        {requests.length === 0 ? (
          <div className="rounded-lg bg-white p-8 text-center text-sm text-zinc-500 ring-1 ring-zinc-200">
            <p className="font-medium text-zinc-700">{t('noRequests')}</p>
            <p className="mt-1">{t('noRequestsHint')}</p>
          </div>
        ) : (
          <ul className="space-y-3">
            {requests.map((r) => (
              <li key={r.id} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/accounts/${r.accountId}`} className="font-medium text-zinc-900 hover:underline">
                    {r.accountName}
                  </Link>
                  <span className="text-xs text-zinc-500">{t('requestedBy', { name: r.requesterName, when: day(r.createdAt) })}</span>
                </div>
                <p className="flex flex-wrap items-center gap-1.5 text-sm text-zinc-700">
                  <TierBadge tier={r.currentTier} label={t('tierN', { tier: r.currentTier })} />
                  <span aria-hidden>→</span>
                  <TierBadge tier={r.requestedTier} label={t('tierN', { tier: r.requestedTier })} />
                  {r.until && <span className="ml-1 text-zinc-500">{t('untilDate', { until: format.date(r.until) })}</span>}
                </p>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-zinc-500">{t('requestReason')}</dt>
                  <dd className="text-zinc-900">{r.reason}</dd>
                  <dt className="text-zinc-500">{t('arr')} · {t('ltv')}</dt>
                  <dd className="tabular-nums text-zinc-900">
                    {money(r.arr)} · {money(r.ltv)}
                  </dd>
                  <dt className="text-zinc-500">{t('computedUnderneath')}</dt>
                  <dd className="text-zinc-900">{describeTierReason(r.tierReason as TierReason, r.computedTier, loose(tr), (v) => money(v))}</dd>
                </dl>
                <DecideRequestForm requestId={r.id} accountName={r.accountName} tier={r.requestedTier} />
              </li>
            ))}
          </ul>
        )}
        <Card title={t('decidedTitle')} description={t('decidedDescription')}>
          {decided.length === 0 ? (
            <p className="text-sm text-zinc-500">{t('noDecisions')}</p>
          ) : (
            <div className="-mx-4 -my-4 overflow-x-auto">
              <Table>
                <thead className="bg-zinc-50">
                  <tr>
                    <Th>{t('decidedWhen')}</Th>
                    <Th>{t('decidedAccount')}</Th>
                    <Th>{t('decidedRequest')}</Th>
                    <Th>{t('decision')}</Th>
                    <Th>{t('decisionNote')}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {decided.map((r) => (
                    <tr key={r.id}>
                      <Td className="tabular-nums">{r.decidedAt ? day(r.decidedAt) : '—'}</Td>
                      <Td>
                        <Link href={`/accounts/${r.accountId}`} className="text-brand-700 hover:underline">
                          {r.accountName}
                        </Link>
                      </Td>
                      <Td className="whitespace-normal">
                        {t('decidedRequestText', { tier: r.requestedTier, name: r.requesterName })}
                        <span className="block text-xs text-zinc-500">{r.reason}</span>
                      </Td>
                      <Td>
                        <Badge tone={r.status === 'approved' ? 'brand' : 'neutral'}>{r.status === 'approved' ? t('approved') : t('rejected')}</Badge>
                        {r.deciderName && <span className="block text-xs text-zinc-500">{r.deciderName}</span>}
                      </Td>
                      <Td className="whitespace-normal text-zinc-600">{r.decisionNote ?? '—'}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
