import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { listHostCandidates, listProgramKinds } from '@/db/queries/programs';
import { requirePageUser } from '@/lib/auth/current-user';
import { programKindLabel } from '@/lib/programs/kind-label';
import { timeZoneOptions } from '@/lib/time-zones';
import { Card } from '@/components/ui/card';
import { NewProgramForm } from '../_components/new-program-form';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('programs'))('new') };
}

export default async function NewProgramPage() {
  const user = await requirePageUser('programs.write');
  const db = await getDb();
  const [t, format, kinds, hosts] = await Promise.all([getTranslations('programs'), getFormat(), listProgramKinds(db), listHostCandidates(db)]);
  return (
    <ClientMessages ns={['content', 'picker', 'programs']}>
      <div className="max-w-3xl space-y-4">
        <Link href="/programs" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('title')}
        </Link>
        <Card title={t('new')} description={t('subtitle')}>
          <NewProgramForm
            kinds={kinds.filter((k) => k.active).map((k) => ({ id: k.id, label: programKindLabel(k, t) }))}
            hosts={hosts}
            me={user.id}
            timeZones={timeZoneOptions()}
            // The reader's zone: their own, else the workspace's.
            defaultTimeZone={format.timeZone}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
