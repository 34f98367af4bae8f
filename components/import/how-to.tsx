'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { headersFor, type Aliases } from '@/lib/import/headers';

/**
 * The empty state: the headers read for each field, in the reader's language
 * first, a template to start from, and what the import's own notes say
 * (`children`: required columns, matching, encodings).
 */
export function HowTo({
  importColumns,
  headers,
  fieldLabels,
  templateHref,
  children,
}: {
  importColumns: readonly string[];
  headers: Record<string, Aliases>;
  fieldLabels: Record<string, string>;
  templateHref: string;
  children: ReactNode;
}) {
  const t = useTranslations('import');
  const locale = useLocale();
  return (
    <Card
      title={t('howTitle')}
      actions={
        <a href={templateHref} download className={buttonClass('secondary')}>
          {t('template')}
        </a>
      }
    >
      <div className="space-y-3 text-sm text-zinc-700">
        <p>{t('expectedColumns')}</p>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(9rem,auto)_1fr]">
          {importColumns.map((c) => (
            <div key={c} className="contents">
              <dt className="font-medium text-zinc-800">{fieldLabels[c] ?? c}</dt>
              <dd>
                <ul className="flex flex-wrap gap-1.5" aria-label={t('headersFor', { field: fieldLabels[c] ?? c })}>
                  {headersFor(c, headers[c] ?? { en: [], ja: [] }, locale).map((h) => (
                    <li key={h}>
                      <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200">{h}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
        {children}
        <p className="text-zinc-500">{t('encodings')}</p>
      </div>
    </Card>
  );
}
