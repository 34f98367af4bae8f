import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { goalEventOptions } from '@/db/queries/campaigns';
import { requirePageUser } from '@/lib/auth/current-user';
import { todayIn } from '@/lib/dates';
import { Card } from '@/components/ui/card';
import { CampaignForm } from '../_components/campaign-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('newTitle') };
}

export default async function NewCampaignPage() {
  await requirePageUser('campaigns.manage');
  const db = await getDb();
  const [t, goals, csms, workspace] = await Promise.all([getTranslations('campaigns'), goalEventOptions(db), activeCsms(db), pageWorkspace()]);
  return (
    <ClientMessages ns={['accounts', 'campaigns', 'content', 'health']}>
      <div className="max-w-3xl space-y-4">
        <Link href="/campaigns" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('title')}
        </Link>
        <Card title={t('newTitle')} description={t('newDescription')}>
          <CampaignForm campaign={null} goalEvents={goals.map((g) => g.event)} csms={csms} today={todayIn(workspace.timeZone)} />
        </Card>
      </div>
    </ClientMessages>
  );
}
