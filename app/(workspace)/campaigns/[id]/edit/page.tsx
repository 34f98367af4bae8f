import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { campaignKeyInUse, findCampaign, goalEventOptions } from '@/db/queries/campaigns';
import { requirePageUser } from '@/lib/auth/current-user';
import { todayIn } from '@/lib/dates';
import { parseId } from '@/lib/validation/input';
import { Card } from '@/components/ui/card';
import { CampaignForm } from '../../_components/campaign-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('edit') };
}

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('campaigns.manage');
  const id = parseId((await params).id);
  const db = await getDb();
  const campaign = id === null ? undefined : await findCampaign(db, id);
  if (!campaign) notFound();
  const [t, goals, csms, workspace, keyLocked] = await Promise.all([getTranslations('campaigns'), goalEventOptions(db), activeCsms(db), pageWorkspace(), campaignKeyInUse(db, campaign.id)]);
  return (
    <ClientMessages ns={['accounts', 'campaigns', 'content', 'health']}>
      <div className="max-w-3xl space-y-4">
        <Link href={`/campaigns/${campaign.id}`} className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {campaign.name}
        </Link>
        <Card title={t('editTitle', { name: campaign.name })}>
          <CampaignForm campaign={{ ...campaign, keyLocked }} goalEvents={goals.map((g) => g.event)} csms={csms} today={todayIn(workspace.timeZone)} />
        </Card>
      </div>
    </ClientMessages>
  );
}
