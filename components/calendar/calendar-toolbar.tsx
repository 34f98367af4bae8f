import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { withParams, type SearchParams } from '@/lib/url-params';
import { calendarViews, shiftAnchor, type VisibleRange } from '@/lib/calendar/range';
import { addDays } from '@/lib/scheduling/local-date';
import { cn } from '@/lib/cn';
import { buttonClass } from '@/components/ui/button';

/**
 * Previous / Today / Next, the range shown, and Agenda | Week | Month: all
 * plain links that keep the page's other parameters, so the view is in the
 * URL and the keyboard works without script.
 */
export async function CalendarToolbar({ basePath, params, range, isToday }: { basePath: string; params: SearchParams; range: VisibleRange; isToday: boolean }) {
  const [t, format] = await Promise.all([getTranslations('calendar'), getFormat()]);
  const href = (changes: Record<string, string | undefined>) => `${basePath}${withParams(params, changes)}`;
  const last = addDays(range.end, -1);
  const title =
    range.view === 'month'
      ? format.date(range.anchor, 'monthYear')
      : format.dateRange(range.start, last, 'monthDayYear');
  return (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <nav aria-label={t('navigation')} className="flex items-center gap-1">
          <Link href={href({ date: shiftAnchor(range.view, range.anchor, -1) })} className={buttonClass('secondary', 'px-2')} aria-label={t('previous', { view: range.view })}>
            <span aria-hidden>‹</span>
          </Link>
          <Link href={href({ date: undefined })} className={buttonClass('secondary')} aria-current={isToday ? 'date' : undefined}>
            {t('today')}
          </Link>
          <Link href={href({ date: shiftAnchor(range.view, range.anchor, 1) })} className={buttonClass('secondary', 'px-2')} aria-label={t('next', { view: range.view })}>
            <span aria-hidden>›</span>
          </Link>
        </nav>
        <h2 className="text-sm font-semibold text-zinc-900" aria-live="polite">
          {title}
        </h2>
      </div>
      <nav aria-label={t('viewLabel')} className="inline-flex rounded-md bg-white p-0.5 ring-1 ring-inset ring-zinc-300">
        {calendarViews.map((v) => (
          <Link
            key={v}
            href={href({ view: v })}
            aria-current={v === range.view ? 'page' : undefined}
            className={cn(
              'rounded px-3 py-1 text-sm',
              v === range.view ? 'bg-brand-600 font-medium text-white' : 'text-zinc-700 hover:bg-zinc-100',
            )}
          >
            {t(`views.${v}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
