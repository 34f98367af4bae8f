import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { canManageAccounts } from '@/lib/auth/access';
import { requirePageUser } from '@/lib/auth/current-user';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { AccountForm } from '../_components/account-form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('newAccount') };
}

export default async function NewAccountPage() {
  const user = await requirePageUser();
  const db = await getDb();
  const [t, csms, workspace] = await Promise.all([getTranslations('accounts'), activeCsms(db), pageWorkspace()]);
  const manage = canManageAccounts(user);
  return (
    <ClientMessages ns={['accounts']}>
      <div className="max-w-3xl">
        <Link href="/accounts" className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {t('title')}
        </Link>
        <PageHeader title={t('newAccount')} description={manage ? t('newAccountManager') : t('newAccountCsm')} />
        <Card>
          <AccountForm
            csms={csms}
            canChooseOwner={manage}
            currency={workspace.currency}
            values={{
              name: '',
              domain: '',
              externalId: '',
              industry: '',
              employees: '',
              arr: '',
              grossMarginPct: '',
              annualChurnPct: '',
              growthPotential: '',
              churnRisk: '',
              lifecycleStage: 'onboarding',
              renewalDate: '',
              ownerId: manage ? '' : String(user.id),
              notes: '',
            }}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
