import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportPage } from '@/components/import/import-page';
import { importHeaders } from '@/lib/accounts/import-headers';
import { importColumns } from '@/lib/accounts/import-plan';
import { requirePageUser } from '@/lib/auth/current-user';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

export default async function ImportAccountsPage() {
  await requirePageUser('accounts.import');
  const t = await getTranslations('import');
  return (
    <ClientMessages ns={['import']}>
      <ImportPage
        title={t('title')}
        description={t('description')}
        path="/accounts/import"
        columns={importColumns}
        headers={importHeaders}
        fieldLabels={Object.fromEntries(importColumns.map((c) => [c, t(`fields.${c}`)]))}
        done={{ href: '/accounts', label: t('goToList') }}
        notes={
          <>
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
          </>
        }
      />
    </ClientMessages>
  );
}
