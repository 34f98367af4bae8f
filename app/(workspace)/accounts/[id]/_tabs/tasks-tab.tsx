import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAccountOpenAlerts, listAccountOpenTasks } from '@/db/queries/account-view';
import { listUsers } from '@/db/queries/users';
import { accountTabHref } from '@/lib/accounts/account-tabs';
import { canManageAccounts } from '@/lib/auth/access';
import { can } from '@/lib/auth/permissions';
import { getFormat } from '@/lib/i18n/format';
import { loose } from '@/lib/i18n/loose';
import { one, withParams } from '@/lib/url-params';
import { parsePage } from '@/lib/validation/input';
import { NewTaskForm } from '@/components/tasks/new-task-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { addDays } from '@/lib/scheduling/local-date';
import { createTask } from '@/app/(workspace)/tasks/actions';
import { TaskActions } from '@/components/tasks/task-actions';
import { LazyDetails } from '@/components/ui/lazy-details';
import { TaskStatus } from '@/components/tasks/task-status';
import { taskWorkActions } from '@/app/(workspace)/tasks/work-actions';
import { touchDefaults } from '@/app/(workspace)/tasks/touch-defaults';
import { whyLines } from '@/app/(workspace)/tasks/why';
import type { TabProps } from './tab-props';
import { MorePager } from './more-pager';

/**
 * The account's open tasks and open alerts. The one who may work a task (its
 * owner; managers for the unassigned ones) completes, snoozes or gives it
 * here as in the inbox, the forms folded until opened. The new-task form
 * opens when asked for (`?form=task`).
 */
export async function TasksTab({ account, user, workspace, today, query, form, editable }: TabProps) {
  const db = await getDb();
  const manage = canManageAccounts(user);
  const page = parsePage(one(query.page));
  const writing = editable && form === 'task';
  const [t, tTasks, format, tasks, alerts, users] = await Promise.all([
    getTranslations('accountView.tasks'),
    getTranslations('tasks'),
    getFormat(workspace.currency),
    listAccountOpenTasks(db, account.id, page),
    listAccountOpenAlerts(db, account.id),
    manage ? listUsers(db) : null,
  ]);
  const assignable = users?.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })) ?? null;
  // The inbox lists one's own open tasks, and for managers the unassigned ones.
  // Why a pooled task went to its owner names that person's load: theirs to read, and the managers'.
  const ownLoad = (task: { ownerId: number | null }) => task.ownerId === user.id || can(user, 'tasks.assign');
  const inMyInbox = (task: { ownerId: number | null }) => can(user, 'tasks.work') && (task.ownerId === user.id || (task.ownerId === null && can(user, 'tasks.assign')));
  const href = accountTabHref(account.id, 'tasks');
  // The complete form's touch types and now, read only when a task here is the reader's to work.
  const touch = tasks.rows.some(inMyInbox) ? await touchDefaults(db, user.timeZone ?? workspace.timeZone) : null;
  return (
    <div className="space-y-4">
      {writing && (
        <Card
          title={tTasks('newTask')}
          actions={
            <Link href={href} scroll={false} className="text-sm text-brand-700 hover:underline">
              {t('close')}
            </Link>
          }
        >
          <NewTaskForm action={createTask} accountId={account.id} users={manage ? assignable : null} defaultOwnerId={manage ? (account.ownerId ?? user.id) : user.id} today={today} />
        </Card>
      )}
      <TaskStatus>
      <Card title={t('title')} description={t('description')}>
        {tasks.rows.length === 0 ? (
          <p className="text-sm text-zinc-500">{editable ? t('empty') : t('emptyReadOnly')}</p>
        ) : (
          <ol className="divide-y divide-zinc-100">
            {tasks.rows.map((task) => (
              <li key={task.id} className="py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <p className="text-sm font-medium text-zinc-900">{task.title}</p>
                  <p className="flex items-center gap-2 text-xs text-zinc-600">
                    <Badge tone={task.priority === 'high' ? 'red' : task.priority === 'low' ? 'neutral' : 'amber'}>{tTasks(`priority.${task.priority}`)}</Badge>
                    <span className={task.dueOn < today ? 'font-medium text-red-700' : undefined}>{tTasks('due', { date: format.date(task.dueOn) })}</span>
                  </p>
                </div>
                <ul className="mt-1 flex flex-wrap gap-x-3 text-xs text-zinc-600">
                  <li>{t('owner', { name: task.ownerName ?? t('nobody') })}</li>
                  {task.snoozedUntil && task.snoozedUntil > today && <li>{t('snoozedUntil', { date: format.date(task.snoozedUntil) })}</li>}
                  {whyLines(ownLoad(task) ? task : { ...task, assignedWhy: null }, loose(tTasks), format).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                {inMyInbox(task) && touch && (
                  <LazyDetails
                    className="mt-2"
                    summaryClassName="cursor-pointer text-xs font-medium text-brand-700"
                    summary={`${tTasks('complete')} · ${task.episodeVersion !== null ? `${tTasks('alertSnoozeSave')} · ${tTasks('alertDismissSave')}` : tTasks('snoozeSave')}`}
                  >
                    <div className="mt-2">
                      <TaskActions taskId={task.id} title={task.title} version={task.version} episodeVersion={task.episodeVersion} tomorrow={addDays(today, 1)} users={assignable} touch={touch} actions={taskWorkActions} />
                    </div>
                  </LazyDetails>
                )}
              </li>
            ))}
          </ol>
        )}
        <MorePager page={page} more={tasks.more} href={(p) => `/accounts/${account.id}${withParams(query, { page: p === 1 ? undefined : p })}`} />
      </Card>
      </TaskStatus>
      <Card title={t('alerts')} description={t('alertsDescription')}>
        {alerts.length === 0 ? (
          <p className="text-sm text-zinc-500">{t('alertsEmpty')}</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {alerts.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2 text-sm">
                <span className="font-medium text-zinc-900">{a.ruleName}</span>
                <span className="text-xs text-zinc-600">
                  {t('openedOn', { date: format.date(a.openedOn) })}
                  {a.snoozedUntil && a.snoozedUntil > today && ` · ${t('snoozedUntil', { date: format.date(a.snoozedUntil) })}`}
                  {a.taskId === null && ` · ${t('noTask')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
