import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { campaignChoices } from '@/db/queries/campaigns';
import { currentPlaybooks, listActivityTypes, listPlaybookVersions, tierLoad } from '@/db/queries/playbooks';
import { requirePageUser } from '@/lib/auth/current-user';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ActivityTypes } from './activity-types';
import { PlaybookEditor } from './playbook-editor';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { versionNote } from '@/lib/i18n/version-note';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('playbooks'))('title') };
}

export default async function PlaybooksPage() {
  await requirePageUser('playbooks.manage');
  const db = await getDb();
  const [t, format, types, campaigns, playbooks, load, ...versions] = await Promise.all([
    getTranslations('playbooks'),
    getFormat(),
    listActivityTypes(db),
    campaignChoices(db),
    currentPlaybooks(db),
    tierLoad(db),
    ...[1, 2, 3].map((tier) => listPlaybookVersions(db, tier)),
  ]);
  const options = types.map((ty) => ({ id: ty.id, label: activityTypeLabel(ty, t), active: ty.active, touchModel: ty.touchModel }));
  return (
    <ClientMessages ns={['playbooks']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={t('description')} />
        {playbooks.map((p, i) => (
          <Card
            key={p.tier}
            title={t('tierPlaybook', { tier: p.tier, version: p.version })}
            description={
              versions[i]?.[0]
                ? t('lastSaved', {
                    who: versions[i][0].createdByName ?? t('setup'),
                    when: format.date(versions[i][0].createdAt),
                    note: versionNote(versions[i][0].note, t('setupDefaults')) ?? '—',
                  })
                : undefined
            }
          >
            <PlaybookEditor tier={p.tier} version={p.version} rules={p.rules} types={options} campaigns={campaigns.map((c) => ({ id: c.id, name: c.name }))} accounts={load.accounts[p.tier] ?? 0} capacityHours={load.capacityHours} />
          </Card>
        ))}
        <Card title={t('activityTypes')} description={t('activityTypesDescription')}>
          <ActivityTypes types={types.map((ty) => ({ ...ty, label: activityTypeLabel(ty, t) }))} />
        </Card>
      </div>
    </ClientMessages>
  );
}
