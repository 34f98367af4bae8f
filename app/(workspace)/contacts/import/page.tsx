import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HowTo } from '@/components/import/how-to';
import { ImportWizard } from '@/components/import/import-wizard';
import { PageHeader } from '@/components/ui/page-header';
import { canManageAccounts } from '@/lib/auth/access';
import { requirePageUser } from '@/lib/auth/current-user';
import { contactImportHeaders } from '@/lib/contacts/import-headers';
import { contactImportColumns } from '@/lib/contacts/import-plan';
import { maxImportMegabytes } from '@/lib/import/read-file';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contactImport'))('title') };
}

export default async function ImportContactsPage() {
  const user = await requirePageUser('contacts.write');
  const t = await getTranslations('contactImport');
  const fieldLabels = Object.fromEntries(contactImportColumns.map((c) => [c, t(`fields.${c}`)]));
  return (
    <div className="max-w-5xl">
      <PageHeader title={t('title')} description={t('description')} />
      <ImportWizard
        uploadUrl="/contacts/import/upload"
        importColumns={contactImportColumns}
        fieldLabels={fieldLabels}
        maxMegabytes={maxImportMegabytes}
        done={{ href: '/accounts', label: t('goToList') }}
        howTo={
          <HowTo importColumns={contactImportColumns} headers={contactImportHeaders} fieldLabels={fieldLabels} templateHref="/contacts/import/template">
            <p className="text-zinc-500">{t('otherLanguageHeaders')}</p>
            <p>{t('requiredColumns')}</p>
            <p>{t('matching')}</p>
            <p>{t('updates')}</p>
            <p>{t('values')}</p>
            {!canManageAccounts(user) && <p>{t('ownAccounts')}</p>}
          </HowTo>
        }
      />
    </div>
  );
}
