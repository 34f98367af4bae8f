import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getWorkspace } from '@/db/queries/workspace';
import { requirePageUser } from '@/lib/auth/current-user';
import { currencies } from '@/lib/currencies';
import { monthNames } from '@/lib/i18n/month-names';
import { timeZoneList } from '@/lib/time-zones';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { WorkspaceForm } from './workspace-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workspace'))('title') };
}

export default async function WorkspacePage() {
  await requirePageUser('workspace.manage');
  const [t, locale, workspace] = await Promise.all([getTranslations('workspace'), getLocale(), getWorkspace(await getDb())]);
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <WorkspaceForm
          workspace={workspace}
          currencies={[...currencies]}
          timeZones={timeZoneList()}
          months={monthNames(locale).map((m) => ({ value: String(m.value), label: m.label }))}
        />
      </Card>
    </div>
  );
}
