import type { Metadata } from 'next';
import { getNow, getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { resolvePeriod } from '@/lib/coverage/period';
import { taskToday, todayIn } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { readerLocale } from '@/lib/server/working-calendar';
import { PageHeader } from '@/components/ui/page-header';
import { ScheduleTeaser } from '@/components/calendar/schedule-teaser';
import { CsmHome } from './_home/csm-home';
import { ManagerHome } from './_home/manager-home';
import { WorkspaceHealthCard } from './_home/workspace-health';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

/** Each role's work: a CSM their week, overdue, gaps and renewals; a manager the team's coverage and what waits; an admin also the workspace's setup. */
export default async function HomePage() {
  const me = await requirePageUser();
  const [t, tRoles, workspace, now, format, language] = await Promise.all([getTranslations('home'), getTranslations('roles'), pageWorkspace(), getNow(), getFormat(undefined), readerLocale(me)]);
  const money = await getFormat(workspace.currency);
  const timeZone = me.timeZone ?? workspace.timeZone;
  const today = todayIn(timeZone, now);
  const tasksDay = taskToday(workspace, now);
  const quarter = resolvePeriod({ period: 'quarter' }, { today, fiscalYearStartMonth: workspace.fiscalYearStartMonth });
  const seesTeam = can(me, 'team.view');
  return (
    <div className="space-y-4">
      <PageHeader title={t('welcome', { name: me.name })} description={t('intro', { role: tRoles(me.role) })} />
      {seesTeam ? (
        <>
          <ScheduleTeaser userId={me.id} now={now} />
          <ManagerHome now={now} today={today} taskToday={tasksDay} quarter={quarter} timeZone={timeZone} format={money} workspace={workspace} language={language} />
        </>
      ) : (
        <CsmHome userId={me.id} now={now} today={today} taskToday={tasksDay} quarter={quarter} timeZone={timeZone} format={money} />
      )}
      {can(me, 'workspace.manage') && <WorkspaceHealthCard now={now} format={format} />}
    </div>
  );
}
