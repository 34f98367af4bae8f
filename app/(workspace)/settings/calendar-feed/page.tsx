import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { activeFeed } from '@/db/queries/feeds';
import { requirePageUser } from '@/lib/auth/current-user';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { FeedControls } from './feed-controls';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('feeds'))('title') };
}

export default async function CalendarFeedPage() {
  const me = await requirePageUser();
  const [t, format, feed] = await Promise.all([getTranslations('feeds'), getFormat(), activeFeed(await getDb(), me.id)]);
  const when = (d: Date) => format.dateTime(d);
  return (
    <ClientMessages ns={['feeds.address']}>
      <div className="max-w-2xl space-y-4">
        <PageHeader title={t('title')} description={t('description')} />
        <Card title={t('address.title')} description={t('address.description')}>
          <FeedControls feed={feed ? { created: when(feed.createdAt), lastUsed: feed.lastUsedAt ? when(feed.lastUsedAt) : null } : null} />
        </Card>
        <Card title={t('help.title')}>
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-zinc-700">
            <li>{t('help.google')}</li>
            <li>{t('help.outlook')}</li>
            <li>{t('help.apple')}</li>
          </ul>
          <div className="mt-3 space-y-1.5 border-t border-zinc-100 pt-3 text-sm text-zinc-600">
            <p>{t('help.contents')}</p>
            <p>{t('help.delay')}</p>
            <p>
              {t('help.download')}{' '}
              <Link href="/accounts" className="font-medium text-brand-700 hover:underline">
                {t('help.accountsLink')}
              </Link>
            </p>
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
