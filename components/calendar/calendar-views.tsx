import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { byDay, clip, endsAt } from '@/lib/calendar/layout';
import { withParams, type SearchParams } from '@/lib/url-params';
import { inShownMonth, weeksOf, type VisibleRange } from '@/lib/calendar/range';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { cn } from '@/lib/cn';
import { TierBadge } from '@/components/tier-badge';
import { dotClass, StatusBadge } from './status';
import { type ShownActivity } from './shown';

/**
 * How many activities each view asks the database for per day; the rest are
 * counted as "+k more", linking to the day's agenda. A week column past a
 * dozen cards is scrolled, not read, and each card costs the page about 1 KB;
 * an agenda lists 30 a day.
 */
export const perDayLimit = { agenda: 30, week: 12, month: 3 } as const;

type ViewProps = {
  range: VisibleRange;
  items: ShownActivity[];
  timeZone: string;
  today: LocalDate;
  /** The team calendar names the CSM on each activity. */
  showOwner: boolean;
  basePath: string;
  params: SearchParams;
};

/** Each day's full count: the query's when it capped the day, else what it returned. */
function dayTotals(days: Map<LocalDate, ShownActivity[]>) {
  const totals = new Map<LocalDate, number>();
  for (const [day, list] of days) totals.set(day, list[0]?.dayTotal ?? list.length);
  return totals;
}

export function CalendarView(props: ViewProps) {
  if (props.range.view === 'agenda') return <AgendaView {...props} />;
  if (props.range.view === 'week') return <WeekView {...props} />;
  return <MonthView {...props} />;
}

/** Rows one agenda page lists: the days after the one that reaches it follow a "Continue from" link. */
const agendaRows = 80;

async function AgendaView({ range, items, timeZone, today, showOwner, basePath, params }: ViewProps) {
  const [t, ta, format] = await Promise.all([getTranslations('calendar'), getTranslations('activities'), getFormat()]);
  const days = byDay(items, range.days, timeZone);
  const totals = dayTotals(days);
  const withItems = range.days.filter((d) => days.get(d)!.length > 0);
  const listed: LocalDate[] = [];
  for (let rows = 0; listed.length < withItems.length && rows < agendaRows; ) {
    const day = withItems[listed.length]!;
    listed.push(day);
    rows += Math.min(days.get(day)!.length, perDayLimit.agenda);
  }
  const next = withItems[listed.length];
  return (
    <div className="space-y-2">
      <ol className="divide-y divide-zinc-100 rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        {listed.map((day) => {
          const { shown, more } = clip(days.get(day)!, perDayLimit.agenda, totals.get(day));
          return (
            <li key={day} className="grid gap-2 px-4 py-3 md:grid-cols-[10rem_1fr]">
              <h3 className="flex items-center gap-2 text-sm font-medium text-zinc-900">
                {format.date(day, 'weekdayMonthDay')}
                {day === today && <span className="rounded bg-brand-600 px-1.5 py-0.5 text-xs font-medium text-white">{t('today')}</span>}
              </h3>
              <ul className="space-y-2">
                {shown.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <span className="min-w-36 shrink-0 whitespace-nowrap tabular-nums text-zinc-700">
                      {format.timeRange(a.startsAt, endsAt(a))}
                    </span>
                    <span className={cn('font-medium text-zinc-900', a.status === 'cancelled' && 'text-zinc-400 line-through')}>{a.typeLabel}</span>
                    <span className="flex min-w-0 items-center gap-1.5">
                      <TierBadge tier={a.tier} label={t('tierN', { tier: a.tier })} />
                      <Link href={`/accounts/${a.accountId}`} className="truncate text-brand-700 hover:underline">
                        {a.accountName}
                      </Link>
                    </span>
                    {showOwner && <span className="text-zinc-600">{a.ownerName}</span>}
                    {a.status !== 'planned' && <StatusBadge status={a.status} />}
                    <span className="text-xs text-zinc-500">
                      {ta('minutes', { minutes: a.durationMinutes })}
                      {a.location ? ` · ${a.location}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
              {more > 0 && <p className="text-xs text-zinc-500 md:col-start-2">{showOwner ? t('moreInAgenda', { count: more }) : t('moreNotListed', { count: more })}</p>}
            </li>
          );
        })}
      </ol>
      {next && (
        <Link href={`${basePath}${withParams(params, { view: 'agenda', date: next })}`} className="inline-block text-sm font-medium text-brand-700 hover:underline">
          {t('continueFrom', { date: format.date(next, 'weekdayMonthDay') })}
        </Link>
      )}
    </div>
  );
}

async function WeekView({ range, items, timeZone, today, showOwner, basePath, params }: ViewProps) {
  const [t, ta, format] = await Promise.all([getTranslations('calendar'), getTranslations('activities'), getFormat()]);
  const days = byDay(items, range.days, timeZone);
  const totals = dayTotals(days);
  return (
    <div className="grid grid-cols-1 gap-px overflow-hidden rounded-lg bg-zinc-200 shadow-sm ring-1 ring-zinc-200 lg:grid-cols-7">
      {range.days.map((day) => {
        const { shown, more } = clip(days.get(day)!, perDayLimit.week, totals.get(day));
        const isToday = day === today;
        return (
          <section key={day} aria-labelledby={`day-${day}`} className={cn('min-w-0 bg-white p-2 lg:min-h-44', isToday && 'bg-brand-50/40')}>
            <h3 id={`day-${day}`} className="mb-1.5 flex items-baseline gap-1.5 text-xs">
              <span className="font-medium uppercase tracking-wide text-zinc-500">{format.date(day, 'weekday')}</span>
              <span className={cn('tabular-nums', isToday ? 'rounded bg-brand-600 px-1.5 font-semibold text-white' : 'font-semibold text-zinc-900')}>
                {format.date(day, 'numericMonthDay')}
              </span>
              {isToday && <span className="sr-only">{t('today')}</span>}
            </h3>
            {shown.length === 0 ? (
              <p className="text-xs text-zinc-400">{t('nothingPlanned')}</p>
            ) : (
              <ul className="space-y-1.5">
                {shown.map((a) => (
                  <li key={a.id} className={`cal-card cal-card-${a.status}`}>
                    <p className="cal-card-head">
                      <time dateTime={a.startsAt.toISOString()} className="cal-card-time">
                        {format.time(a.startsAt)}
                      </time>
                      <span className="cal-card-length">{ta('minutes', { minutes: a.durationMinutes })}</span>
                    </p>
                    <p className={cn('cal-card-type', a.status === 'cancelled' && 'text-zinc-400 line-through')} title={a.typeLabel}>
                      {a.typeLabel}
                    </p>
                    <Link href={`/accounts/${a.accountId}`} title={a.accountName} className="cal-card-account">
                      {a.accountName}
                    </Link>
                    {showOwner && (
                      <p className="cal-card-owner" title={a.ownerName}>
                        {a.ownerName}
                      </p>
                    )}
                    {a.status !== 'planned' && (
                      <p className="mt-0.5">
                        <StatusBadge status={a.status} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {more > 0 && (
              <Link href={`${basePath}${withParams(params, { view: 'agenda', date: day })}`} className="mt-1 block text-xs font-medium text-brand-700 hover:underline">
                {t('more', { count: more })}
              </Link>
            )}
          </section>
        );
      })}
    </div>
  );
}

async function MonthView({ range, items, timeZone, today, showOwner, basePath, params }: ViewProps) {
  const [t, ta, format] = await Promise.all([getTranslations('calendar'), getTranslations('activities'), getFormat()]);
  const days = byDay(items, range.days, timeZone);
  const totals = dayTotals(days);
  const weeks = weeksOf(range);
  const dayHref = (day: LocalDate) => `${basePath}${withParams(params, { view: 'agenda', date: day })}`;
  return (
    <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
      <table className="w-full table-fixed border-collapse text-xs">
        <thead>
          <tr className="bg-zinc-50">
            {weeks[0]!.map((day) => (
              <th key={day} scope="col" className="border-b border-zinc-200 px-1 py-1.5 text-center font-medium text-zinc-500">
                <span aria-hidden className="sm:hidden">
                  {format.date(day, 'weekdayNarrow')}
                </span>
                <span className="max-sm:sr-only">{format.date(day, 'weekday')}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const list = days.get(day)!;
                const total = totals.get(day) ?? 0;
                const { shown, more } = clip(list, perDayLimit.month, total);
                const inMonth = inShownMonth(range, day);
                const isToday = day === today;
                const label = format.date(day, 'weekdayMonthDayLong');
                return (
                  <td key={day} className={cn('h-16 border border-zinc-100 p-1 align-top md:h-28', !inMonth && 'bg-zinc-50/70')}>
                    <div className="flex items-center justify-between gap-1">
                      <Link
                        href={dayHref(day)}
                        aria-label={total ? t('dayWithCount', { day: label, count: total }) : label}
                        className={cn(
                          'rounded px-1 tabular-nums hover:bg-zinc-100',
                          isToday ? 'bg-brand-600 font-semibold text-white hover:bg-brand-700' : inMonth ? 'font-medium text-zinc-900' : 'text-zinc-400',
                        )}
                      >
                        {Number(day.slice(8))}
                      </Link>
                      {total > 0 && (
                        <span aria-hidden className="rounded-full bg-zinc-100 px-1.5 text-[11px] tabular-nums text-zinc-600 md:hidden">
                          {total}
                        </span>
                      )}
                    </div>
                    <ul className="mt-1 hidden space-y-0.5 md:block">
                      {shown.map((a) => (
                        <li key={a.id}>
                          <Link
                            href={`/accounts/${a.accountId}`}
                            title={[a.typeLabel, a.accountName, showOwner ? a.ownerName : null].filter(Boolean).join(' · ')}
                            className={cn('flex min-w-0 items-center gap-1 rounded px-0.5 hover:bg-zinc-100', a.status === 'cancelled' && 'text-zinc-400 line-through')}
                          >
                            <span aria-hidden className={cn('size-1.5 shrink-0 rounded-full', dotClass[a.status])} />
                            <span className="shrink-0 tabular-nums text-zinc-600">{format.time(a.startsAt)}</span>
                            <span className="sr-only">{a.typeLabel}</span>
                            <span className="truncate text-zinc-900">{a.accountName}</span>
                            {a.status !== 'planned' && <span className="sr-only">({a.status === 'overdue' ? ta('overdue') : ta(`status.${a.status}`)})</span>}
                          </Link>
                        </li>
                      ))}
                    </ul>
                    {more > 0 && (
                      <Link href={dayHref(day)} className="mt-0.5 hidden px-0.5 font-medium text-brand-700 hover:underline md:block">
                        {t('more', { count: more })}
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
