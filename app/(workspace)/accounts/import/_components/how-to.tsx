'use client';

import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ImportColumn } from '@/lib/accounts/import-plan';

/** The empty state: what a file needs, and a template to start from. */
export function HowTo({ importColumns }: { importColumns: readonly ImportColumn[] }) {
  const t = useTranslations('import');
  return (
    <Card
      title={t('howTitle')}
      actions={
        <a href="/accounts/import/template" download className={buttonClass('secondary')}>
          {t('template')}
        </a>
      }
    >
      <div className="space-y-3 text-sm text-zinc-700">
        <p>{t('expectedColumns')}</p>
        <ul className="flex flex-wrap gap-1.5">
          {importColumns.map((c) => (
            <li key={c}>
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200">{c}</code>
            </li>
          ))}
        </ul>
        <p>{t('requiredColumns')}</p>
        <p>{t('matching')}</p>
        <p className="text-zinc-500">{t('encodings')}</p>
        <p>
          {t('exportHint')}{' '}
          <a href="/accounts/export" download className="font-medium text-brand-700 underline hover:text-brand-800">
            {t('exportLink')}
          </a>
        </p>
      </div>
    </Card>
  );
}
