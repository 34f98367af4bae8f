'use client';

import { useLocale, useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { headerKey, importHeaders } from '@/lib/accounts/import-headers';
import type { ImportColumn } from '@/lib/accounts/import-plan';

/** The headers a reader of this language would write for a field: theirs first, then the column's own name. */
function headersFor(column: ImportColumn, locale: string): string[] {
  const { en, ja } = importHeaders[column];
  const shown = locale === 'ja' ? [...ja, column] : [column, ...en];
  // Headers that read the same (external_id, external id) are shown once.
  const keys = new Set<string>();
  return shown.filter((h) => !keys.has(headerKey(h)) && keys.add(headerKey(h)));
}

/** The empty state: what a file needs, the headers read for each field, and a template to start from. */
export function HowTo({ importColumns }: { importColumns: readonly ImportColumn[] }) {
  const t = useTranslations('import');
  const locale = useLocale();
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
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(9rem,auto)_1fr]">
          {importColumns.map((c) => (
            <div key={c} className="contents">
              <dt className="font-medium text-zinc-800">{t(`fields.${c}`)}</dt>
              <dd>
                <ul className="flex flex-wrap gap-1.5" aria-label={t('headersFor', { field: t(`fields.${c}`) })}>
                  {headersFor(c, locale).map((h) => (
                    <li key={h}>
                      <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200">{h}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-zinc-500">{t('otherLanguageHeaders')}</p>
        <p>{t('requiredColumns')}</p>
        <p>{t('currencyNote')}</p>
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
