import type { Metadata } from 'next';
import Link from 'next/link';
import { getNow, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { calendarActivities, dueSoonActivities, overdueActivities, ownsAnyActivity } from '@/db/queries/calendar';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { dueSoonEnd } from '@/lib/calendar/layout';
import { parseCalendarParams, parseTeamFilters } from '@/lib/calendar/params';
import { withParams, type SearchParams } from '@/lib/url-params';
import { rangeInstants, visibleRange } from '@/lib/calendar/range';
import { todayIn } from '@/lib/dates';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CalendarToolbar } from '@/components/calendar/calendar-toolbar';
import { CalendarView, perDayLimit } from '@/components/calendar/calendar-views';
import { Pager } from '@/components/calendar/pager';
import { PlannedList } from '@/components/calendar/planned-list';
import { toShown } from '@/components/calendar/shown';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('scheduleTitle') };
}

const overduePageSize = 5;
const dueSoonShown = 5;

/** My schedule: the signed-in user's own activities, for every role. */
export default async function SchedulePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser();
  const db = await getDb();
  const [workspace, now, params, t] = await Promise.all([pageWorkspace(), getNow(), searchParams, getTranslations('calendar')]);
  const timeZone = user.timeZone ?? workspace.timeZone;
  const today = todayIn(timeZone, now);
  const { view, date, isToday } = parseCalendarParams(params, today);
  const range = visibleRange(view, date);
  const { from, to, dayStarts } = rangeInstants(range, timeZone);
  const { page } = parseTeamFilters(params);
  const scope = { ownerIds: [user.id] };

  const overduePage = (p: number) => overdueActivities(db, { ...scope, now, limit: overduePageSize, offset: (p - 1) * overduePageSize });
  const [items, firstOverdue, dueSoon] = await Promise.all([
    // The calendar and due soon include what the user joins as a colleague; overdue is only what they run (and must log).
    calendarActivities(db, { ...scope, attendeeId: user.id, from, to, perDay: { dayStarts, limit: perDayLimit[view] } }),
    overduePage(page),
    dueSoonActivities(db, { ...scope, attendeeId: user.id, now, until: dueSoonEnd(today, timeZone), limit: dueSoonShown }),
  ]);
  // A page past the end (the list shrank since the link was made) shows the last one.
  const lastPage = Math.max(1, Math.ceil(firstOverdue.total / overduePageSize));
  const overdue = page > lastPage ? await overduePage(lastPage) : firstOverdue;
  const runsAny = items.length > 0 || overdue.total > 0 || dueSoon.total > 0 || (await ownsAnyActivity(db, user.id));
  const manages = can(user, 'team.view');
  const [shownItems, shownOverdue, shownDueSoon] = await Promise.all([toShown(items, now), toShown(overdue.rows, now), toShown(dueSoon.rows, now)]);

  return (
    <>
      <PageHeader
        title={t('scheduleTitle')}
        description={t('scheduleDescription', { timeZone })}
        actions={
          <Link href="/settings/calendar-feed" className={buttonClass('secondary')}>
            {t('subscribe')}
          </Link>
        }
      />
      {!runsAny ? (
        <Card>
          <div className="mx-auto max-w-lg py-6 text-center">
            <h2 className="text-base font-semibold text-zinc-900">{t('emptyTitle')}</h2>
            <p className="mt-1 text-sm text-zinc-600">{manages ? t('emptyManager') : t('emptyCsm')}</p>
            <div className="mt-4 flex flex-wrap justify-center gap-2">
              {manages && (
                <Link href="/team" className={buttonClass('primary')}>
                  {t('openTeam')}
                </Link>
              )}
              <Link href="/accounts" className={buttonClass(manages ? 'secondary' : 'primary')}>
                {manages ? t('openAccounts') : t('openMyAccounts')}
              </Link>
            </div>
          </div>
        </Card>
      ) : (
        <>
          <div className="mb-5 grid items-start gap-4 md:grid-cols-2">
            <Card
              title={
                <span className="flex items-center gap-2">
                  {t('overdueTitle')}
                  <Badge tone={overdue.total ? 'red' : 'neutral'}>{overdue.total}</Badge>
                </span>
              }
              description={t('overdueDescription')}
            >
              <PlannedList items={shownOverdue} now={now} timeZone={timeZone} showOwner={false} empty={t('overdueEmpty')} />
              <Pager
                label={t('overduePages')}
                page={Math.min(page, lastPage)}
                pageSize={overduePageSize}
                total={overdue.total}
                href={(p) => `/schedule${withParams(params, { page: p === 1 ? undefined : p })}`}
              />
            </Card>
            <Card
              title={
                <span className="flex items-center gap-2">
                  {t('dueSoonTitle')}
                  <Badge tone={dueSoon.total ? 'brand' : 'neutral'}>{dueSoon.total}</Badge>
                </span>
              }
              description={t('dueSoonDescription')}
            >
              <PlannedList items={shownDueSoon} now={now} timeZone={timeZone} showOwner={false} empty={t('dueSoonEmpty')} />
              {dueSoon.total > dueSoon.rows.length && (
                <Link href={`/schedule${withParams(params, { view: 'agenda', date: undefined })}`} className="mt-3 block text-xs font-medium text-brand-700 hover:underline">
                  {t('dueSoonAll', { count: dueSoon.total })}
                </Link>
              )}
            </Card>
          </div>
          <section aria-label={t('calendarLabel')}>
            <CalendarToolbar basePath="/schedule" params={params} range={range} isToday={isToday} />
            {items.length === 0 && <p className="mb-3 text-sm text-zinc-500">{t('rangeEmpty', { view })}</p>}
            {(items.length > 0 || view !== 'agenda') && (
              <CalendarView range={range} items={shownItems} timeZone={timeZone} today={today} showOwner={false} basePath="/schedule" params={params} />
            )}
          </section>
        </>
      )}
    </>
  );
}
