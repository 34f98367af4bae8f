import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { dueSoonActivities, overdueActivities } from '@/db/queries/calendar';
import { coverageGaps, coverageSummary } from '@/db/queries/coverage-report';
import { renewalsAhead } from '@/db/queries/home';
import { homeInbox } from '@/db/queries/tasks';
import { coverageRatio, noCoverage } from '@/lib/coverage/obligations';
import { coverageRuleLabel } from '@/lib/coverage/rule-label';
import { loose } from '@/lib/i18n/loose';
import type { Period } from '@/lib/coverage/period';
import type { Format } from '@/lib/format';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { Card } from '@/components/ui/card';
import { Stat, Stats } from '@/components/ui/stat';
import { PlannedList } from '@/components/calendar/planned-list';
import { toShown } from '@/components/calendar/shown';
import { GapsTable } from '@/components/coverage/gaps-table';
import { RenewalsCard } from './renewals-card';
import { TasksCard } from './tasks-card';

const shown = 5;

/**
 * A CSM's work: their tasks, this week, what is overdue, the coverage gaps in
 * their book and the renewals ahead. `today` is the reader's day; their tasks
 * are bucketed on `taskToday` (lib/dates taskToday), as on /tasks.
 */
export async function CsmHome({ userId, now, today, taskToday, quarter, timeZone, format }: { userId: number; now: Date; today: LocalDate; taskToday: LocalDate; quarter: Period; timeZone: string; format: Format }) {
  const db = await getDb();
  const mine = { from: quarter.from, to: quarter.to, ownerId: userId };
  const [t, tc, tp, summary, gaps, overdue, week, renewals, tasks] = await Promise.all([
    getTranslations('home'),
    getTranslations('coverage'),
    getTranslations('playbooks'),
    coverageSummary(db, mine),
    coverageGaps(db, { ...mine, statuses: ['overdue', 'missed'], page: 1 }),
    overdueActivities(db, { ownerIds: [userId], now, limit: shown }),
    dueSoonActivities(db, { ownerIds: [userId], now, until: new Date(now.getTime() + 7 * 86_400_000), limit: 8 }),
    renewalsAhead(db, { ownerId: userId, from: today, to: addDays(today, 90), limit: 6 }),
    homeInbox(db, { ownerId: userId, today: taskToday, limit: 3 }),
  ]);
  const total = summary.find((r) => r.grouping === 'total') ?? noCoverage;
  const ratio = coverageRatio(total);
  const [weekItems, overdueItems] = await Promise.all([toShown(week.rows, now), toShown(overdue.rows, now)]);
  return (
    <div className="space-y-4">
      <Stats label={t('figures')}>
        <Stat
          label={t('coverageQuarter')}
          value={format.ratio(ratio)}
          detail={total.due ? t('onTimeOfDue', { onTime: total.onTime, due: total.due }) : t('nothingDue')}
          tone={ratio === null ? 'neutral' : ratio >= 0.9 ? 'good' : ratio >= 0.7 ? 'warn' : 'bad'}
          href="/coverage"
        />
        <Stat label={t('gaps')} value={format.number(gaps.total)} detail={t('gapsDetail')} tone={gaps.total ? 'bad' : 'good'} href="/coverage#gaps" />
        <Stat label={t('overdue')} value={format.number(overdue.total)} detail={t('overdueDetail')} tone={overdue.total ? 'bad' : 'neutral'} href="/schedule" />
        <Stat label={t('renewals')} value={format.number(renewals.total)} detail={t('renewalsDetail', { arr: format.money(renewals.arr, { compact: true }) })} />
      </Stats>
      <TasksCard inbox={tasks} format={format} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('week')} description={t('weekDescription')} actions={<Link href="/schedule" className="text-sm text-brand-700 hover:underline">{t('openSchedule')}</Link>}>
          <PlannedList items={weekItems} now={now} timeZone={timeZone} showOwner={false} empty={t('weekEmpty')} />
        </Card>
        <Card title={t('overdueTitle')} actions={overdue.total > shown && <Link href="/schedule" className="text-sm text-brand-700 hover:underline">{t('showAll')}</Link>}>
          <PlannedList items={overdueItems} now={now} timeZone={timeZone} showOwner={false} empty={t('overdueEmpty')} />
        </Card>
      </div>
      <Card
        title={t('gapsTitle')}
        description={t('gapsDescription')}
        actions={gaps.total > shown && <Link href="/coverage#gaps" className="text-sm text-brand-700 hover:underline">{t('showAll')}</Link>}
      >
        {gaps.rows.length === 0 ? (
          <p className="text-sm text-zinc-500">{t('gapsEmpty')}</p>
        ) : (
          <div className="-m-4">
            <GapsTable
              rows={gaps.rows.slice(0, shown)}
              format={format}
              ruleLabel={(g) => coverageRuleLabel(g, loose(tc), loose(tp))}
              statusLabel={(g) => tc(`statuses.${g.status}`)}
              metOnLabel={(date) => tc('gaps.metOn', { date })}
              labels={{ account: tc('gaps.account'), rule: tc('gaps.rule'), due: tc('gaps.due'), status: tc('gaps.status'), owner: tc('gaps.owner'), plan: tc('gaps.plan'), invite: tc('gaps.invite'), share: tc('gaps.share'), campaign: tc('gaps.campaign'), unassigned: tc('unassigned') }}
            />
          </div>
        )}
      </Card>
      <RenewalsCard renewals={renewals} format={format} showOwner={false} />
    </div>
  );
}
