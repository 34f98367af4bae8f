import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

const tones = { neutral: 'text-zinc-900', good: 'text-emerald-700', warn: 'text-amber-700', bad: 'text-red-700' } as const;

/** A row of headline figures: two across on phones, as many as given from md up. */
export function Stats({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={label} className={cn('grid grid-cols-2 gap-3 md:auto-cols-fr md:grid-flow-col md:grid-cols-none', className)}>
      {children}
    </section>
  );
}

/** One headline figure with what it counts; the whole tile is a link when the figure has a page behind it. */
export function Stat({ label, value, detail, href, tone = 'neutral' }: { label: string; value: ReactNode; detail?: ReactNode; href?: string; tone?: keyof typeof tones }) {
  const body = (
    <>
      <span className="block text-xs font-medium text-zinc-500">{label}</span>
      <span className={cn('mt-1 block text-2xl font-semibold tabular-nums', tones[tone])}>{value}</span>
      {detail && <span className="mt-0.5 block truncate text-xs text-zinc-500">{detail}</span>}
    </>
  );
  const box = 'block min-w-0 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-zinc-200';
  return href ? (
    <Link href={href} className={cn(box, 'hover:ring-brand-300')}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
