import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportPage } from '@/components/import/import-page';
import { canManageAccounts } from '@/lib/auth/access';
import { requirePageUser } from '@/lib/auth/current-user';
import { contactImportHeaders } from '@/lib/contacts/import-headers';
import { contactImportColumns } from '@/lib/contacts/import-plan';
import { ClientMessages } from '@/components/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contactImport'))('title') };
}

export default async function ImportContactsPage() {
  const user = await requirePageUser('contacts.write');
  const t = await getTranslations('contactImport');
  return (
    <ClientMessages ns={['import']}>
      <ImportPage
        title={t('title')}
        description={t('description')}
        path="/contacts/import"
        columns={contactImportColumns}
        headers={contactImportHeaders}
        fieldLabels={Object.fromEntries(contactImportColumns.map((c) => [c, t(`fields.${c}`)]))}
        done={{ href: '/accounts', label: t('goToList') }}
        notes={
          <>
            <p className="text-zinc-500">{t('otherLanguageHeaders')}</p>
            <p>{t('requiredColumns')}</p>
            <p>{t('matching')}</p>
            <p>{t('updates')}</p>
            <p>{t('values')}</p>
            {!canManageAccounts(user) && <p>{t('ownAccounts')}</p>}
          </>
        }
      />
    </ClientMessages>
  );
}
