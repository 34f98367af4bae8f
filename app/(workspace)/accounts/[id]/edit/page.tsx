import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { activeCsms, findAccount } from '@/db/queries/accounts';
import { plainAmount } from '@/lib/currencies';
import { canEditAccount, canManageAccounts } from '@/lib/auth/access';
import { auditDenied, requirePageUser } from '@/lib/auth/current-user';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { AccountForm } from '../../_components/account-form';
import { parseId } from '@/lib/validation/input';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('editAccount') };
}

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const id = parseId((await params).id);
  const db = await getDb();
  const account = id === null ? undefined : await findAccount(db, id);
  if (!account) notFound();
  if (!canEditAccount(user, account)) {
    await auditDenied(user.id, `page:/accounts/${id}/edit`, 'ownership');
    forbidden();
  }
  const [t, csms, workspace] = await Promise.all([getTranslations('accounts'), activeCsms(db), pageWorkspace()]);
  const s = (v: string | number | null) => (v === null ? '' : String(v));
  return (
    <ClientMessages ns={['accounts']}>
      <div className="max-w-3xl">
        <Link href={`/accounts/${id}`} className="text-sm text-zinc-500 hover:text-zinc-800">
          ← {account.name}
        </Link>
        <PageHeader title={t('editAccount')} description={t('editDescription')} />
        <Card>
          <AccountForm
            csms={csms}
            canChooseOwner={canManageAccounts(user)}
            currency={workspace.currency}
            values={{
              id: account.id,
              version: account.version,
              name: account.name,
              domain: account.domain,
              externalId: s(account.externalId),
              industry: s(account.industry),
              employees: s(account.employees),
              // As the currency writes it: 7800000 yen, not 7800000.00.
              arr: account.arr === null ? '' : plainAmount(account.arr, workspace.currency),
              grossMarginPct: s(account.grossMarginPct),
              annualChurnPct: s(account.annualChurnPct),
              growthPotential: s(account.growthPotential),
              churnRisk: s(account.churnRisk),
              lifecycleStage: account.lifecycleStage,
              renewalDate: s(account.renewalDate),
              ownerId: s(account.ownerId),
              notes: s(account.notes),
            }}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
