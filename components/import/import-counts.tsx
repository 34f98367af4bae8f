'use client';

import { useFormat } from '@/lib/i18n/use-format';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** A row of large figures with their labels: the preview's plan and the import's result; `className` sets other columns. */
export function Counts({ items, className }: { items: { label: ReactNode; value: number; tone?: 'error' }[]; className?: string }) {
  const format = useFormat();
  return (
    <dl className={cn('grid grid-cols-2 gap-3 sm:grid-cols-4', className)}>
      {items.map((item, i) => (
        <div key={i} className="rounded-md bg-zinc-50 px-3 py-2 ring-1 ring-inset ring-zinc-200">
          <dt className="text-xs text-zinc-500">{item.label}</dt>
          <dd className={cn('text-xl font-semibold tabular-nums', item.tone === 'error' && item.value > 0 ? 'text-red-700' : 'text-zinc-900')}>
            {format.number(item.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
