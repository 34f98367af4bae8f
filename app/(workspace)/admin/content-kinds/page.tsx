import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listContentKindsWithUsage } from '@/db/queries/content';
import { requirePageUser } from '@/lib/auth/current-user';
import { contentKindLabel } from '@/lib/content/kind-label';
import { Card } from '@/components/ui/card';
import { KindsEditor } from '@/components/kinds-editor';
import { PageHeader } from '@/components/ui/page-header';
import { saveContentKind } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contentKinds'))('title') };
}

export default async function ContentKindsPage() {
  await requirePageUser('contentKinds.manage');
  const db = await getDb();
  const [t, tc, kinds] = await Promise.all([getTranslations('contentKinds'), getTranslations('content'), listContentKindsWithUsage(db)]);
  return (
    <ClientMessages ns={['kinds']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={t('description')} />
        <Card>
          <KindsEditor
            action={saveContentKind}
            words={{ newKind: t('newKind'), add: t('add'), added: t('added') }}
            kinds={kinds.map((k) => ({ id: k.id, key: k.key, name: k.name, active: k.active, version: k.version, label: contentKindLabel(k, tc), usage: t('items', { count: k.items }) }))}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
