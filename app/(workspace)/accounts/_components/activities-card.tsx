import Link from 'next/link';
import { getNow, getTimeZone, getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/format';
import { getDb } from '@/db/client';
import { activeColleagues, userNames } from '@/db/queries/activities';
import { listAccountSeries } from '@/db/queries/series';
import { parseRule } from '@/lib/activities/series';
import { canManageAccounts } from '@/lib/auth/access';
import { getCurrentUser } from '@/lib/auth/current-user';
import { todayIn } from '@/lib/dates';
import { wallClock } from '@/lib/scheduling/zoned';
import { addMonths } from '@/lib/scheduling/local-date';
import { workspaceCalendar } from '@/lib/server/working-calendar';
import { WorkingCalendarProvider } from '@/components/working-calendar';
import { IcsDownloadLink } from '@/components/ics-download-link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { AccountContactsProvider, type ContactChoice } from './account-contacts';
import { ActivityActions, SeriesActions } from './activity-actions';
import { NextBookingProvider } from './next-booking';
import { describeRule, localDateText } from '@/lib/scheduling/recurrence-text';
import { ScheduleForm, type ScheduleFormProps } from './schedule-form';
import type { EditableSeries } from './series-forms';
import type { ActivityStatus } from '@/lib/vocabulary';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { loose } from '@/lib/i18n/loose';

type Activity = {
  id: number;
  status: ActivityStatus;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  location: string | null;
  agenda: string | null;
  outcome: string | null;
  nextSteps: string | null;
  cancelReason: string | null;
  executiveSponsor: string | null;
  customerAttendees: unknown;
  internalAttendees: unknown;
  seriesId: number | null;
  seriesDetached: boolean;
  version: number;
  ownerId: number;
  ownerName: string;
  typeLabel: string;
  needsSponsor: boolean;
};

type Props = {
  accountId: number;
  activities: Activity[];
  canSchedule: boolean;
  /** Whether the viewer may change an activity (or a series) run by this owner. */
  canLog: (a: { ownerId: number }) => boolean;
  schedule: Omit<ScheduleFormProps, 'accountId' | 'colleagues' | 'self'>;
  /** The account's active contacts, offered as attendees and sponsor. */
  contacts: ContactChoice[];
  /** Whether the schedule form is open (the address asked for it), and where closing it goes. */
  scheduleOpen: boolean;
  closeHref: string;
};

const tones = { planned: 'brand', completed: 'neutral', cancelled: 'amber', no_show: 'red' } as const;
/** How many upcoming occurrences a series shows before "show all". */
const shownAhead = 3;

const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const customers = (v: unknown) => (Array.isArray(v) ? (v as { name?: unknown; role?: unknown }[]) : []).filter((c) => typeof c?.name === 'string') as { name: string; role?: string }[];

/** The account's high-touch activities: series with what is ahead, one-off and past activities, and booking the next one. */
export async function ActivitiesCard({ accountId, activities, canSchedule, canLog, schedule, contacts, scheduleOpen, closeHref }: Props) {
  const db = await getDb();
  const [t, ts, tp, format, nowDate, viewerZone, user, seriesRows, colleagues] = await Promise.all([
    getTranslations('activities'),
    getTranslations('series'),
    getTranslations('playbooks'),
    getFormat(),
    getNow(),
    getTimeZone(),
    getCurrentUser(),
    listAccountSeries(db, accountId),
    canSchedule ? activeColleagues(db) : Promise.resolve([]),
  ]);
  // The working days a series preview flags closed dates with: as far as a series may run (two years after its start).
  const today = todayIn(viewerZone, nowDate);
  const calendar = canSchedule ? await workspaceCalendar(db, { from: addMonths(today, -12), to: addMonths(today, 36), language: format.locale }) : null;
  const names = await userNames(db, [...activities.flatMap((a) => ids(a.internalAttendees)), ...seriesRows.flatMap((s) => ids(s.internalAttendees))]);
  const now = nowDate.getTime();
  const withNames = (v: unknown) => ids(v).map((id) => names.get(id) ?? '?');

  // A series with planned occurrences still ahead is shown as one block with those occurrences;
  // everything else (one-off activities, and what a series has already had) in the list below.
  const ahead = new Map<number, Activity[]>();
  for (const a of [...activities].reverse())
    if (a.seriesId !== null && a.status === 'planned' && a.startsAt.getTime() >= now) ahead.set(a.seriesId, [...(ahead.get(a.seriesId) ?? []), a]);
  const blocks = seriesRows.filter((s) => ahead.has(s.id));
  const rest = activities.filter((a) => !(a.seriesId !== null && ahead.get(a.seriesId)?.includes(a)));

  const editable = new Map<number, EditableSeries>(
    seriesRows.map((s) => [
      s.id,
      {
        id: s.id,
        version: s.version,
        rule: parseRule(s.recurrence),
        startDate: s.startDate,
        untilDate: s.untilDate,
        time: s.time,
        timeZone: s.timeZone,
        onClosedDay: s.onClosedDay,
        durationMinutes: s.durationMinutes,
        location: s.location,
        agenda: s.agenda,
        executiveSponsor: s.executiveSponsor,
        needsSponsor: s.needsSponsor,
        customerAttendees: customers(s.customerAttendees),
        internalAttendees: (s.internalAttendees as number[] | null) ?? [],
        ownerId: s.ownerId,
        colleagues,
        today: todayIn(s.timeZone, nowDate),
      },
    ]),
  );
  const ruleText = (s: EditableSeries) =>
    ts('line', {
      rule: describeRule(s.rule, loose(ts), format),
      time: s.timeZone === viewerZone ? format.clock(s.time) : `${format.clock(s.time)} (${s.timeZone})`,
      until: localDateText(format, s.untilDate),
    });

  const item = (a: Activity, opts: { inBlock?: boolean } = {}) => {
    const overdue = a.status === 'planned' && a.startsAt.getTime() < now;
    const series = a.seriesId !== null ? editable.get(a.seriesId) : undefined;
    const people = withNames(a.internalAttendees);
    const guests = customers(a.customerAttendees).map((c) => (c.role ? `${c.name} (${c.role})` : c.name));
    // In a series block the shared details are on the block; an occurrence shows them only if it was changed on its own.
    const details = !opts.inBlock || a.seriesDetached;
    const wall = wallClock(a.startsAt, a.timeZone);
    return (
      <li key={a.id} className="text-sm">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          {!opts.inBlock && <span className="font-medium text-zinc-900">{a.typeLabel}</span>}
          {/* Everything under a series block is planned and ahead: no need to say so on each. */}
          {!opts.inBlock && <Badge tone={overdue ? 'red' : tones[a.status]}>{overdue ? t('overdue') : t(`status.${a.status}`)}</Badge>}
          <span className={opts.inBlock ? 'text-zinc-800' : 'text-zinc-500'}>
            {format.dateTime(a.startsAt)} · {t('minutes', { minutes: a.durationMinutes })}
            {!opts.inBlock && ` · ${a.ownerName}`}
          </span>
          {series && !opts.inBlock && <Badge tone="indigo">{ts('badge')}</Badge>}
          {a.seriesDetached && <Badge tone="amber">{ts('detached')}</Badge>}
          {a.status === 'planned' && a.needsSponsor && !a.executiveSponsor && <Badge tone="amber">{t('sponsorMissing')}</Badge>}
          {a.status !== 'cancelled' && (
            <IcsDownloadLink activityId={a.id} label={`${a.typeLabel}, ${format.date(a.startsAt)}`} className="ml-auto" />
          )}
        </div>
        {details && (a.location || a.executiveSponsor) && (
          <p className="text-xs text-zinc-500">{[a.location, a.executiveSponsor && t('sponsorIs', { name: a.executiveSponsor })].filter(Boolean).join(' · ')}</p>
        )}
        {details && (people.length > 0 || guests.length > 0) && (
          <p className="text-xs text-zinc-500">
            {[people.length > 0 && ts('with', { names: people.join(', ') }), guests.length > 0 && ts('customers', { names: guests.join(', ') })].filter(Boolean).join(' · ')}
          </p>
        )}
        {details && a.agenda && <p className="mt-1 whitespace-pre-wrap text-zinc-700">{a.agenda}</p>}
        {a.outcome && (
          <p className="mt-1 text-zinc-800">
            <span className="text-zinc-500">{t('outcome')}:</span> {a.outcome}
            {a.nextSteps && (
              <>
                {' '}
                · <span className="text-zinc-500">{t('nextSteps')}:</span> {a.nextSteps}
              </>
            )}
          </p>
        )}
        {a.cancelReason && <p className="mt-1 text-zinc-600">{t('cancelledBecause', { reason: a.cancelReason })}</p>}
        {a.status === 'planned' && canLog(a) && (
          <ActivityActions
            activity={{
              id: a.id,
              version: a.version,
              date: wall.date,
              time: wall.time,
              timeZone: a.timeZone,
              durationMinutes: a.durationMinutes,
              location: a.location,
              agenda: a.agenda,
              executiveSponsor: a.executiveSponsor,
              needsSponsor: a.needsSponsor,
              inSeries: a.seriesId !== null,
            }}
            typeLabel={a.typeLabel}
            series={series ?? null}
            viewerZone={viewerZone}
            compact={opts.inBlock}
          />
        )}
      </li>
    );
  };

  return (
    <Card title={t('title')} description={t('description')}>
      <WorkingCalendarProvider calendar={calendar ?? { weekend: [], closed: {} }}>
      <AccountContactsProvider contacts={contacts}>
      <NextBookingProvider>
        {canSchedule && user && scheduleOpen && (
          // Open only when asked for (`?form=schedule`): most visits only read the activities.
          <section aria-label={t('scheduleTitle')} className="mb-4 rounded-md ring-1 ring-zinc-200">
            <div className="flex justify-end px-3 pt-2">
              <Link href={closeHref} scroll={false} className="text-sm text-brand-700 hover:underline">
                {t('closeSchedule')}
              </Link>
            </div>
            <div className="p-3 pt-0">
              <ScheduleForm accountId={accountId} colleagues={colleagues} self={{ id: user.id, choosesOwner: canManageAccounts(user) }} {...schedule} />
            </div>
          </section>
        )}
        {blocks.length > 0 && (
          <div className="mb-4 space-y-3">
            {blocks.map((s) => {
              const es = editable.get(s.id)!;
              const upcoming = ahead.get(s.id)!;
              const typeLabel = activityTypeLabel({ key: s.typeKey, name: s.typeName }, tp);
              const people = withNames(s.internalAttendees);
              const guests = es.customerAttendees.map((c) => (c.role ? `${c.name} (${c.role})` : c.name));
              return (
                <section key={s.id} aria-label={ts('blockLabel', { type: typeLabel })} className="rounded-md px-3 py-2.5 ring-1 ring-indigo-100">
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                    <span aria-hidden className="text-indigo-600">
                      ↻
                    </span>
                    <span className="font-medium text-zinc-900">{typeLabel}</span>
                    <Badge tone="indigo">{ts('badge')}</Badge>
                    <span className="text-zinc-500">{s.ownerName}</span>
                  </div>
                  <p className="text-sm text-zinc-700">{ruleText(es)}</p>
                  <p className="text-xs text-zinc-500">
                    {[
                      t('minutes', { minutes: s.durationMinutes }),
                      s.location,
                      s.executiveSponsor && t('sponsorIs', { name: s.executiveSponsor }),
                      people.length > 0 && ts('with', { names: people.join(', ') }),
                      guests.length > 0 && ts('customers', { names: guests.join(', ') }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  {s.agenda && <p className="mt-1 line-clamp-2 whitespace-pre-wrap text-xs text-zinc-600">{s.agenda}</p>}
                  {canLog(s) && <SeriesActions series={es} viewerZone={viewerZone} />}
                  <h4 className="mt-3 text-xs font-medium tracking-wide text-zinc-500 uppercase">{ts('upcoming', { count: upcoming.length })}</h4>
                  <ol className="mt-1 space-y-3 border-l-2 border-indigo-100 pl-3">{upcoming.slice(0, shownAhead).map((a) => item(a, { inBlock: true }))}</ol>
                  {upcoming.length > shownAhead && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-brand-700">{ts('showMore', { count: upcoming.length - shownAhead })}</summary>
                      <ol className="mt-2 space-y-3 border-l-2 border-indigo-100 pl-3">{upcoming.slice(shownAhead).map((a) => item(a, { inBlock: true }))}</ol>
                    </details>
                  )}
                </section>
              );
            })}
          </div>
        )}
        {activities.length === 0 ? (
          <p className="text-sm text-zinc-500">{t('none')}</p>
        ) : (
          rest.length > 0 && <ol className="space-y-3">{rest.map((a) => item(a))}</ol>
        )}
      </NextBookingProvider>
      </AccountContactsProvider>
      </WorkingCalendarProvider>
    </Card>
  );
}
