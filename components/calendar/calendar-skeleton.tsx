import { useTranslations } from 'next-intl';

/** The calendar pages' loading state: their shape, so nothing jumps when the data arrives. */
export function CalendarSkeleton({ panels }: { panels: number }) {
  const t = useTranslations('calendar');
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-6 w-48 animate-pulse rounded bg-zinc-200" />
      <div className="grid gap-4 md:grid-cols-2">
        {Array.from({ length: panels }, (_, i) => (
          <div key={i} className="h-40 animate-pulse rounded-lg bg-white ring-1 ring-zinc-200" />
        ))}
      </div>
      <div className="flex justify-between">
        <div className="h-8 w-56 animate-pulse rounded bg-zinc-200" />
        <div className="h-8 w-48 animate-pulse rounded bg-zinc-200" />
      </div>
      <div className="grid grid-cols-1 gap-px overflow-hidden rounded-lg bg-zinc-200 ring-1 ring-zinc-200 lg:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="h-16 bg-white p-2 lg:h-44">
            <div className="h-3 w-12 animate-pulse rounded bg-zinc-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
