'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Counts } from '@/components/import/import-counts';
import { Notice } from '@/components/ui/notice';
import type { Imported } from './attendance-import';

/** What an attendee report changed, in figures; a report imported before says so and changed nothing. */
export function AttendanceOutcome({ file, result }: { file: string; result: Imported }) {
  const t = useTranslations('programs.attendanceImport');
  const heading = useRef<HTMLParagraphElement>(null);
  // Keyboard and screen-reader users land on the outcome.
  useEffect(() => heading.current?.focus(), [result]);
  const matched = result.people - result.newContacts - result.unmatched;
  const toResolve = result.newContacts + result.unmatched;
  return (
    <div className="space-y-3" data-attendance-outcome>
      <Notice tone={result.repeated ? 'info' : 'success'}>
        <p ref={heading} tabIndex={-1} className="focus:outline-none">
          {result.repeated ? t('repeated', { file }) : t('imported', { file, tool: t(`tools.${result.tool}`), kind: t(`kinds.${result.kind}`) })}
        </p>
      </Notice>
      <Counts
        className="sm:grid-cols-3 xl:grid-cols-6"
        items={[
          { label: t('counts.matched'), value: matched },
          { label: t('counts.attended'), value: result.attended },
          { label: t('counts.noShow'), value: result.noShow },
          { label: t('counts.added'), value: result.added },
          { label: t('counts.newContacts'), value: result.newContacts },
          { label: t('counts.unmatched'), value: result.unmatched },
        ]}
      />
      <ul className="list-disc space-y-0.5 pl-5 text-xs text-zinc-500">
        {result.added > 0 && <li>{t('addedHint')}</li>}
        {result.staff > 0 && <li>{t('staff', { count: result.staff })}</li>}
        {toResolve > 0 && !result.repeated && <li>{t('toResolve', { count: toResolve })}</li>}
      </ul>
    </div>
  );
}
