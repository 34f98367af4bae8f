import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HowTo } from '@/components/import/how-to';
import { ImportWizard } from '@/components/import/import-wizard';
import { PageHeader } from '@/components/ui/page-header';
import { importHeaders } from '@/lib/accounts/import-headers';
import { importColumns } from '@/lib/accounts/import-plan';
import { requirePageUser } from '@/lib/auth/current-user';
import { maxImportMegabytes } from '@/lib/import/read-file';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

export default async function ImportAccountsPage() {
  await requirePageUser('accounts.import');
  const t = await getTranslations('import');
  const fieldLabels = Object.fromEntries(importColumns.map((c) => [c, t(`fields.${c}`)]));
  return (
    <div className="max-w-5xl">
      <PageHeader title={t('title')} description={t('description')} />
      <ImportWizard
        uploadUrl="/accounts/import/upload"
        importColumns={importColumns}
        fieldLabels={fieldLabels}
        maxMegabytes={maxImportMegabytes}
        done={{ href: '/accounts', label: t('goToList') }}
        howTo={
          <HowTo importColumns={importColumns} headers={importHeaders} fieldLabels={fieldLabels} templateHref="/accounts/import/template">
            <p className="text-zinc-500">{t('otherLanguageHeaders')}</p>
            <p>{t('requiredColumns')}</p>
            <p>{t('currencyNote')}</p>
            <p>{t('matching')}</p>
            <p>
              {t('exportHint')}{' '}
              <a href="/accounts/export" download className="font-medium text-brand-700 underline hover:text-brand-800">
                {t('exportLink')}
              </a>
            </p>
          </HowTo>
        }
      />
    </div>
  );
}
