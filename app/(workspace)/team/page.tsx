import type { Metadata } from 'next';
import Link from 'next/link';
import { getNow, getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { activeCsms } from '@/db/queries/accounts';
import { calendarActivities, overdueActivities, teamWeekSummary } from '@/db/queries/calendar';
import { findUser } from '@/db/queries/users';
import { requirePageUser } from '@/lib/auth/current-user';
import { daysOverdue } from '@/lib/calendar/layout';
import { dateIn } from '@/lib/scheduling/zoned';
import { parseCalendarParams, parseTeamFilters } from '@/lib/calendar/params';
import { withParams, type SearchParams } from '@/lib/url-params';
import { rangeInstants, visibleRange } from '@/lib/calendar/range';
import { todayIn } from '@/lib/dates';
import { TierBadge } from '@/components/tier-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { CalendarToolbar } from '@/components/calendar/calendar-toolbar';
import { CalendarView, perDayLimit } from '@/components/calendar/calendar-views';
import { Pager } from '@/components/calendar/pager';
import { PlannedList } from '@/components/calendar/planned-list';
import { toShown } from '@/components/calendar/shown';
import { TeamFilters } from './_components/team-filters';
import { WeekSummary } from './_components/week-summary';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('teamTitle') };
}

const overduePageSize = 20;

/** The team calendar: every CSM's activities, filtered by CSM and tier, with the team's overdue list. */
export default async function TeamPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('team.view');
  const db = await getDb();
  const [workspace, now, params, t, ta, format] = await Promise.all([
    pageWorkspace(),
    getNow(),
    searchParams,
    getTranslations('calendar'),
    getTranslations('activities'),
    getFormat(),
  ]);
  const timeZone = user.timeZone ?? workspace.timeZone;
  const today = todayIn(timeZone, now);
  const { view, date, isToday } = parseCalendarParams(params, today);
  const { csmId, tier, page } = parseTeamFilters(params);
  const range = visibleRange(view, date);
  const { from, to, dayStarts } = rangeInstants(range, timeZone);
  const week = visibleRange('week', date);
  const weekBounds = rangeInstants(week, timeZone);
  const scope = { ownerIds: csmId ? [csmId] : undefined, tier };

  const overduePage = (p: number) => overdueActivities(db, { ...scope, now, limit: overduePageSize, offset: (p - 1) * overduePageSize });
  const [items, firstOverdue, summary, csms, chosen] = await Promise.all([
    calendarActivities(db, { ...scope, from, to, perDay: { dayStarts, limit: perDayLimit[view] } }),
    overduePage(page),
    teamWeekSummary(db, { ...scope, from: weekBounds.from, to: weekBounds.to, now }),
    activeCsms(db),
    csmId ? findUser(db, csmId) : undefined,
  ]);
  const lastPage = Math.max(1, Math.ceil(firstOverdue.total / overduePageSize));
  const overdue = page > lastPage ? await overduePage(lastPage) : firstOverdue;
  const [shownItems, shownOverdue] = await Promise.all([toShown(items, now), toShown(overdue.rows, now)]);
  // A CSM who has left is not in the list of active ones, but their overdue work still is.
  const csmOptions = chosen && !csms.some((c) => c.id === chosen.id) ? [...csms, { id: chosen.id, name: t('inactiveName', { name: chosen.name }) }] : csms;

  return (
    <ClientMessages ns={['calendar']}>
      <>
        <PageHeader title={t('teamTitle')} description={t('teamDescription', { timeZone })} />
        <TeamFilters
          key={`${csmId ?? ''}-${tier ?? ''}`}
          values={{ csm: csmId ? String(csmId) : '', tier: tier ? String(tier) : '', view: params.view ? view : '', date: params.date ? date : '' }}
          csms={csmOptions}
        />
        <div className="mb-5 grid gap-4 lg:grid-cols-3">
          <Card
            className="lg:col-span-2"
            title={
              <span className="flex items-center gap-2">
                {t('teamOverdueTitle')}
                <Badge tone={overdue.total ? 'red' : 'neutral'}>{overdue.total}</Badge>
              </span>
            }
            description={t('teamOverdueDescription')}
          >
            {overdue.total === 0 ? (
              <p className="text-sm text-zinc-500">{csmId || tier ? t('teamOverdueEmptyFiltered') : t('teamOverdueEmpty')}</p>
            ) : (
              <>
                <div className="sm:hidden">
                  <PlannedList items={shownOverdue} now={now} timeZone={timeZone} showOwner empty="" />
                </div>
                <div className="-mx-4 -mt-4 hidden sm:block">
                  <Table>
                    <thead className="bg-zinc-50">
                      <tr>
                        <Th>{t('when')}</Th>
                        <Th>{t('activityAndAccount')}</Th>
                        <Th>{t('csm')}</Th>
                        <Th className="text-right">{t('late')}</Th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-zinc-100">
                      {shownOverdue.map((a) => (
                        <tr key={a.id}>
                          <Td className="tabular-nums">
                            <time dateTime={a.startsAt.toISOString()}>
                              {format.dateTime(a.startsAt, dateIn(a.startsAt, timeZone).slice(0, 4) === today.slice(0, 4) ? 'monthDay' : 'medium')}
                            </time>
                          </Td>
                          <Td className="whitespace-normal">
                            <p>
                              {a.typeLabel} <span className="text-xs text-zinc-500">· {ta('minutes', { minutes: a.durationMinutes })}</span>
                            </p>
                            <p className="flex min-w-0 items-center gap-1.5">
                              <TierBadge tier={a.tier} label={t('tierN', { tier: a.tier })} />
                              <Link href={`/accounts/${a.accountId}`} className="text-brand-700 hover:underline">
                                {a.accountName}
                              </Link>
                            </p>
                          </Td>
                          <Td>
                            <Link href={`/team${withParams(params, { csm: a.ownerId, page: undefined })}`} className="hover:underline">
                              {a.ownerName}
                            </Link>
                          </Td>
                          <Td className="text-right font-medium text-red-700">{t('daysOverdue', { days: daysOverdue(a.startsAt, now, timeZone) })}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                </div>
              </>
            )}
            <Pager
              label={t('overduePages')}
              page={Math.min(page, lastPage)}
              pageSize={overduePageSize}
              total={overdue.total}
              href={(p) => `/team${withParams(params, { page: p === 1 ? undefined : p })}`}
            />
          </Card>
          <WeekSummary rows={summary} week={week} params={params} chosen={csmId} />
        </div>
        <section aria-label={t('calendarLabel')}>
          <CalendarToolbar basePath="/team" params={params} range={range} isToday={isToday} />
          {items.length === 0 && <p className="mb-3 text-sm text-zinc-500">{csmId || tier ? t('rangeEmptyFiltered', { view }) : t('rangeEmpty', { view })}</p>}
          {(items.length > 0 || view !== 'agenda') && (
            <CalendarView range={range} items={shownItems} timeZone={timeZone} today={today} showOwner={!csmId} basePath="/team" params={params} />
          )}
        </section>
      </>
    </ClientMessages>
  );
}
