'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ImportResult as Result } from '@/lib/import/read-file';
import { Counts } from './import-counts';

/** The outcome, with a way back to where the imported records are (`done`) and to another file. */
export function ImportResult({ result, done, onAgain }: { result: Result; done: { href: string; label: string }; onAgain: () => void }) {
  const t = useTranslations('import');
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the outcome, not on the vanished buttons.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card>
      <div className="space-y-4">
        <h2 ref={heading} tabIndex={-1} className="text-sm font-semibold text-emerald-800 focus:outline-none">
          {t('doneTitle')}
        </h2>
        <Counts
          items={[
            { label: t('created'), value: result.created },
            { label: t('updated'), value: result.updated },
            { label: t('unchanged'), value: result.unchanged },
            { label: t('skipped'), value: result.skipped },
          ]}
        />
        <div className="flex flex-wrap gap-2">
          <Link href={done.href} className={buttonClass('primary')}>
            {done.label}
          </Link>
          <Button variant="secondary" onClick={onAgain}>
            {t('importAnother')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
