import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { currentHealthModel } from '@/db/queries/health-read';
import { requirePageUser } from '@/lib/auth/current-user';
import { getFormat } from '@/lib/i18n/format';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ModelEditor } from './_components/model-editor';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('health'))('model.title') };
}

/** Admin → Health model: the current version's signals, weights and bands, edited with a preview before applying. */
export default async function HealthModelPage() {
  await requirePageUser('health.manage');
  const db = await getDb();
  const [t, format, model] = await Promise.all([getTranslations('health'), getFormat(), currentHealthModel(db)]);
  return (
    <ClientMessages ns={['health']}>
      <div className="space-y-4">
        <PageHeader title={t('model.title')} description={t('model.description')} />
        <Card title={t('model.version', { version: model.version, date: format.date(model.createdAt) })} description={model.note ?? (model.version === 1 ? t('model.defaultNote') : undefined)}>
          <ModelEditor version={model.version} components={model.components} poorMax={model.poorMax} averageMax={model.averageMax} />
        </Card>
      </div>
    </ClientMessages>
  );
}
