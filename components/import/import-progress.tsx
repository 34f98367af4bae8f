'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

export type Task = { kind: 'reading' | 'importing'; rows: number; startedAt: number };

/**
 * An indeterminate bar: the server does not report progress, so it says what
 * is running and for how long. `label` words it for another upload (an
 * attendee report) instead of rows read or imported.
 */
export function ImportProgress({ task, label: ownLabel }: { task: Pick<Task, 'kind' | 'rows' | 'startedAt'>; label?: string }) {
  const t = useTranslations('import');
  const [now, setNow] = useState(task.startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const label = ownLabel ?? t(task.kind, { rows: task.rows });
  const seconds = Math.max(0, Math.floor((now - task.startedAt) / 1000));
  return (
    <div role="status" className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-800">{label}</span>
        <span className="tabular-nums text-zinc-500">{t('elapsed', { seconds })}</span>
      </div>
      <div role="progressbar" aria-label={label} className="h-1.5 overflow-hidden rounded-full bg-zinc-100">
        <div className="h-full w-full animate-pulse rounded-full bg-brand-500 motion-reduce:animate-none" />
      </div>
    </div>
  );
}
