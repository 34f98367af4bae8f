import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import type { CsmWeek } from '@/db/queries/calendar';
import { minutesToHours, weeklyCapacityHours } from '@/lib/calendar/layout';
import { withParams, type SearchParams } from '@/lib/url-params';
import type { VisibleRange } from '@/lib/calendar/range';
import { addDays } from '@/lib/scheduling/local-date';
import { cn } from '@/lib/cn';
import { Card } from '@/components/ui/card';

/**
 * Per CSM, the week's booked hours (planned and completed) against a week's
 * share of their monthly capacity, and how many of their activities are
 * overdue. A name narrows the page to that CSM.
 */
export async function WeekSummary({ rows, week, params, chosen }: { rows: CsmWeek[]; week: VisibleRange; params: SearchParams; chosen?: number }) {
  const [t, format] = await Promise.all([getTranslations('calendar'), getFormat()]);
  const weekLabel = format.dateRange(week.start, addDays(week.end, -1), 'monthDay');
  return (
    <Card title={t('summaryTitle', { week: weekLabel })} description={t('summaryDescription')}>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('summaryEmpty')}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => {
            const booked = minutesToHours(r.bookedMinutes);
            const capacity = weeklyCapacityHours(r.capacityHours);
            const over = booked > capacity;
            const pct = capacity > 0 ? Math.min(100, (booked / capacity) * 100) : booked > 0 ? 100 : 0;
            return (
              <li key={r.id} className="text-sm">
                <div className="flex items-baseline justify-between gap-2">
                  <Link
                    href={`/team${withParams(params, { csm: chosen === r.id ? undefined : r.id, page: undefined })}`}
                    aria-current={chosen === r.id ? 'true' : undefined}
                    className={cn('truncate hover:underline', chosen === r.id ? 'font-semibold text-brand-700' : 'font-medium text-zinc-900')}
                  >
                    {r.name}
                  </Link>
                  <span className={cn('shrink-0 tabular-nums', over ? 'font-medium text-red-700' : 'text-zinc-700')}>
                    {t('bookedOfCapacity', { booked, capacity })}
                  </span>
                </div>
                <div
                  className="mt-1 h-1.5 overflow-hidden rounded-full bg-zinc-100"
                  role="meter"
                  aria-label={t('bookedLabel', { name: r.name })}
                  aria-valuemin={0}
                  aria-valuemax={Math.max(capacity, booked)}
                  aria-valuenow={booked}
                >
                  <div className={cn('h-full rounded-full', over ? 'bg-red-500' : 'bg-brand-500')} style={{ width: `${pct}%` }} />
                </div>
                {r.overdue > 0 && <p className="mt-0.5 text-xs text-red-700">{t('csmOverdue', { count: r.overdue })}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
