import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listPendingRequests } from '@/db/queries/override-requests';
import { requirePageUser } from '@/lib/auth/current-user';
import { TierBadge } from '@/components/tier-badge';
import { PageHeader } from '@/components/ui/page-header';
import { DecideRequestForm } from './decide-request-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('requestsTitle') };
}

export default async function OverrideRequestsPage() {
  await requirePageUser('overrideRequests.decide');
  const [t, format, requests] = await Promise.all([getTranslations('accounts'), getFormatter(), listPendingRequests(await getDb())]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('requestsTitle')} description={t('requestsDescription')} />
      {requests.length === 0 ? (
        <div className="rounded-lg bg-white p-8 text-center text-sm text-zinc-500 ring-1 ring-zinc-200">
          <p className="font-medium text-zinc-700">{t('noRequests')}</p>
          <p className="mt-1">{t('noRequestsHint')}</p>
        </div>
      ) : (
        <ul className="space-y-3">
          {requests.map((r) => (
            <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
              <div className="space-y-3">
                <div className="min-w-0">
                  <Link href={`/accounts/${r.accountId}`} className="font-medium text-zinc-900 hover:underline">
                    {r.accountName}
                  </Link>
                  <p className="mt-1 flex items-center gap-1.5 text-sm text-zinc-600">
                    <TierBadge tier={r.currentTier} label={t('tierN', { tier: r.currentTier })} />
                    <span aria-hidden>→</span>
                    <TierBadge tier={r.requestedTier} label={t('tierN', { tier: r.requestedTier })} />
                    <span className="ml-1">
                      {t('requestedBy', { name: r.requesterName, when: format.dateTime(r.createdAt, { dateStyle: 'medium' }) })}
                      {r.until ? ` · ${t('untilDate', { until: r.until })}` : ''}
                    </span>
                  </p>
                  <p className="mt-2 text-sm text-zinc-800">{r.reason}</p>
                </div>
                <DecideRequestForm requestId={r.id} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
