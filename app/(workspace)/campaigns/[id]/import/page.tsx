import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findCampaign } from '@/db/queries/campaigns';
import { requirePageUser } from '@/lib/auth/current-user';
import { campaignImportColumns, campaignImportHeaders } from '@/lib/campaigns/import-plan';
import { parseId } from '@/lib/validation/input';
import { ImportPage } from '@/components/import/import-page';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('campaigns'))('importAction') };
}

export default async function ImportCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('campaigns.manage');
  const id = parseId((await params).id);
  const campaign = id === null ? undefined : await findCampaign(await getDb(), id);
  if (!campaign) notFound();
  const t = await getTranslations('campaigns');
  return (
    <ClientMessages ns={['import']}>
      <ImportPage
        title={t('import.title', { name: campaign.name })}
        description={t('import.description')}
        path={`/campaigns/${campaign.id}/import`}
        columns={campaignImportColumns}
        headers={campaignImportHeaders}
        fieldLabels={Object.fromEntries(campaignImportColumns.map((c) => [c, t(`import.fields.${c}`)]))}
        done={{ href: `/campaigns/${campaign.id}`, label: t('import.back') }}
        notes={
          <>
            <p className="text-zinc-500">{t('import.otherLanguageHeaders')}</p>
            <p>{t('import.requiredColumns')}</p>
            <p>{t('import.matching')}</p>
            <p>{t('import.outcomes')}</p>
            <p>{t('import.times')}</p>
          </>
        }
      />
    </ClientMessages>
  );
}
