import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listProgramKindsWithUsage } from '@/db/queries/programs';
import { requirePageUser } from '@/lib/auth/current-user';
import { programKindLabel } from '@/lib/programs/kind-label';
import { programTouchModels } from '@/lib/vocabulary';
import { Card } from '@/components/ui/card';
import { KindsEditor } from '@/components/kinds-editor';
import { PageHeader } from '@/components/ui/page-header';
import { saveProgramKind } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programKinds'))('title') };
}

export default async function ProgramKindsPage() {
  await requirePageUser('programKinds.manage');
  const db = await getDb();
  const [t, tp, kinds] = await Promise.all([getTranslations('programKinds'), getTranslations('programs'), listProgramKindsWithUsage(db)]);
  const model = (m: (typeof programTouchModels)[number]) => tp(`models.${m}`);
  return (
    <ClientMessages ns={['kinds']}>
      <div className="space-y-4">
        <PageHeader title={t('title')} description={t('description')} />
        <Card>
          <KindsEditor
            action={saveProgramKind}
            words={{ newKind: t('newKind'), add: t('add'), added: t('added') }}
            hint={t('touchModelHint')}
            choice={{ name: 'touchModel', label: t('touchModel'), defaultValue: 'low', options: programTouchModels.map((m) => ({ value: m, label: model(m) })) }}
            kinds={kinds.map((k) => ({
              id: k.id,
              key: k.key,
              name: k.name,
              active: k.active,
              version: k.version,
              label: programKindLabel(k, tp),
              usage: t('programs', { count: k.programs }),
              choiceValue: k.touchModel,
              choiceLabel: model(k.touchModel),
            }))}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
