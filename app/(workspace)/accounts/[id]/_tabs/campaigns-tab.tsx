import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAccountCampaignTouches } from '@/db/queries/campaigns';
import { getFormat } from '@/lib/i18n/format';
import { Card } from '@/components/ui/card';
import type { TabProps } from './tab-props';

/** What each tech-touch campaign did for the account: its outcomes and the last delivery, latest first. */
export async function CampaignsTab({ account, workspace }: TabProps) {
  const [t, tc, format, rows] = await Promise.all([
    getTranslations('accountView.campaigns'),
    getTranslations('touches.campaignChannels'),
    getFormat(workspace.currency),
    listAccountCampaignTouches(await getDb(), account.id),
  ]);
  return (
    <Card title={t('title')} description={t('description')}>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('empty')}</p>
      ) : (
        <ol className="divide-y divide-zinc-100">
          {rows.map((r) => (
            <li key={r.campaignId} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 py-2 text-sm">
              <span className="min-w-0 flex-1">
                <Link href={`/campaigns/${r.campaignId}`} className="text-brand-700 hover:underline">
                  {r.name}
                </Link>
                <span className="text-zinc-500"> · {tc(r.channel)}</span>
              </span>
              <span className="tabular-nums text-zinc-700">
                {[
                  t('delivered', { count: r.deliveries }),
                  r.opened > 0 && t('opened', { count: r.opened }),
                  r.clicked > 0 && t('clicked', { count: r.clicked }),
                  r.completed > 0 && t('completed', { count: r.completed }),
                  r.bounced > 0 && t('bounced', { count: r.bounced }),
                  r.unsubscribed > 0 && t('unsubscribed'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {r.lastDeliveredAt && <span className="text-xs text-zinc-500"> · {t('last', { date: format.date(r.lastDeliveredAt) })}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
