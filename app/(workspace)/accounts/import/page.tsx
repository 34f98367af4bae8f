import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { importColumns } from '@/lib/accounts/import-plan';
import { requirePageUser } from '@/lib/auth/current-user';
import { PageHeader } from '@/components/ui/page-header';
import { ImportWizard } from './_components/import-wizard';
import { maxImportMegabytes } from './prepare-import';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

export default async function ImportAccountsPage() {
  await requirePageUser('accounts.import');
  const t = await getTranslations('import');
  return (
    <div className="max-w-5xl">
      <PageHeader title={t('title')} description={t('description')} />
      <ImportWizard importColumns={importColumns} maxMegabytes={maxImportMegabytes} />
    </div>
  );
}
