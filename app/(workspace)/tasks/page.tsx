import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { inboxTasks, taskAccountOptions, teamTaskLoad, type InboxTask } from '@/db/queries/tasks';
import { listUsers } from '@/db/queries/users';
import { FilterForm } from '@/components/filter-form';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { canManageAccounts } from '@/lib/auth/access';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/current-user';
import { taskToday } from '@/lib/dates';
import { getFormat } from '@/lib/i18n/format';
import { loose } from '@/lib/i18n/loose';
import { addDays } from '@/lib/scheduling/local-date';
import { searchTerm } from '@/lib/validation/input';
import { one, type SearchParams } from '@/lib/url-params';
import { NewTaskForm } from '@/components/tasks/new-task-form';
import { TaskBucket } from '@/components/tasks/task-bucket';
import { TeamLoadTable } from '@/components/tasks/team-load-table';
import { createTask } from './actions';
import { TaskActions } from '@/components/tasks/task-actions';
import { LazyDetails } from '@/components/ui/lazy-details';
import { TaskStatus } from '@/components/tasks/task-status';
import { taskWorkActions } from './work-actions';
import { touchDefaults } from './touch-defaults';
import { episodeLine, whyLines } from './why';
import { ClientMessages } from '@/components/i18n/client-messages';
import { pageWorkspace } from '@/lib/server/page-workspace';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('title') };
}

/** Tasks listed at once (the rest are counted): each row is about 1.5 KB of page. */
const shown = 50;
/** Accounts the new-task picker lists at once; a search narrows a larger book. */
const pickable = 200;

/** The inbox: one's open tasks by when they are due; managers also the unassigned ones and the team's load. `?new=1` opens the new-task form. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('tasks.work');
  const query = await searchParams;
  const writing = one(query.new) === '1';
  const accountQuery = searchTerm(one(query.account));
  const db = await getDb();
  const workspace = await pageWorkspace();
  const today = taskToday(workspace);
  const manager = can(user, 'tasks.assign');
  const [t, format, mine, unassigned, load, users, touch, options] = await Promise.all([
    getTranslations('tasks'),
    getFormat(workspace.currency),
    inboxTasks(db, { ownerId: user.id, today, limit: shown }),
    manager ? inboxTasks(db, { ownerId: null, today, limit: 50 }) : null,
    manager ? teamTaskLoad(db, today) : null,
    manager ? listUsers(db) : null,
    touchDefaults(db, user.timeZone ?? workspace.timeZone),
    // Only when asked: a manager's picker reads every account.
    writing ? taskAccountOptions(db, { ownerId: canManageAccounts(user) ? null : user.id, q: accountQuery, limit: pickable }) : null,
  ]);
  const assignable = users?.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })) ?? null;
  const groups: { key: 'overdue' | 'today' | 'week' | 'later'; tasks: InboxTask[] }[] = [
    { key: 'overdue', tasks: mine.tasks.filter((x) => x.dueOn < today) },
    { key: 'today', tasks: mine.tasks.filter((x) => x.dueOn === today) },
    { key: 'week', tasks: mine.tasks.filter((x) => x.dueOn > today && x.dueOn < addDays(today, 7)) },
    { key: 'later', tasks: mine.tasks.filter((x) => x.dueOn >= addDays(today, 7)) },
  ];
  const row = (task: InboxTask) => (
    <li key={task.id} className="py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="text-sm font-medium text-zinc-900">
          {task.title} · <Link href={`/accounts/${task.accountId}`} className="text-brand-700 hover:underline">{task.accountName}</Link>{' '}
          <span className="text-xs text-zinc-500">{`T${task.tier}`}</span>
        </p>
        <p className="flex items-center gap-2 text-xs text-zinc-600">
          <Badge tone={task.priority === 'high' ? 'red' : task.priority === 'low' ? 'neutral' : 'amber'}>{t(`priority.${task.priority}`)}</Badge>
          <span className={task.dueOn < today ? 'font-medium text-red-700' : undefined}>{t('due', { date: format.date(task.dueOn) })}</span>
        </p>
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-3 text-xs text-zinc-600">
        {whyLines(task, loose(t), format).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {task.episode && episodeLine(task.episode, loose(t), format) && <p className="mt-1 text-xs text-amber-800">{episodeLine(task.episode, loose(t), format)}</p>}
      <LazyDetails
        className="mt-2"
        summaryClassName="cursor-pointer text-xs font-medium text-brand-700"
        summary={`${t('complete')} · ${task.episode && !task.episode.closed && !task.episode.dismissedOn ? `${t('alertSnoozeSave')} · ${t('alertDismissSave')}` : t('snoozeSave')}${assignable ? ` · ${t('reassignSave')}` : ''}`}
      >
        <div className="mt-2">
          <TaskActions
            taskId={task.id}
            title={task.title}
            version={task.version}
            episodeVersion={task.episode && !task.episode.closed && !task.episode.dismissedOn ? task.episode.version : null}
            tomorrow={addDays(today, 1)}
            users={assignable}
            touch={touch}
            actions={taskWorkActions}
          />
        </div>
      </LazyDetails>
    </li>
  );
  return (
    <ClientMessages ns={['picker', 'tasks']}>
      <div className="space-y-4">
        <PageHeader
          title={t('title')}
          description={t('description')}
          actions={
            !writing && (
              <Link href="/tasks?new=1" className={buttonClass('primary')}>
                {t('newTask')}
              </Link>
            )
          }
        />
        {options && (
          <Card
            title={t('newTask')}
            actions={
              <Link href="/tasks" className="text-sm text-brand-700 hover:underline">
                {t('close')}
              </Link>
            }
          >
            <FilterForm path="/tasks" aria-label={t('accountSearch')}>
              <input type="hidden" name="new" value="1" />
              <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm text-zinc-700 sm:max-w-xs">
                {t('accountSearch')}
                <Input name="account" type="search" defaultValue={accountQuery ?? ''} placeholder={t('accountSearchPlaceholder')} />
              </label>
              <button type="submit" className={buttonClass('secondary')}>
                {t('accountSearchSave')}
              </button>
            </FilterForm>
            {options.more && <p className="mb-3 text-xs text-zinc-500">{t('accountsMore', { count: pickable })}</p>}
            {options.accounts.length === 0 ? (
              <p className="text-sm text-zinc-600">{accountQuery ? t('accountsNoMatch') : t('accountsNone')}</p>
            ) : (
              <NewTaskForm
                action={createTask}
                key={accountQuery ?? ''}
                accounts={options.accounts.map((a) => ({ value: String(a.id), label: `${a.name} (T${a.tier})` }))}
                users={assignable}
                defaultOwnerId={user.id}
                today={today}
              />
            )}
          </Card>
        )}
        {/* What became of a task is said above the lists: its row leaves with the change. */}
        <TaskStatus>
          <Card title={t('mine')}>
            {mine.total === 0 ? (
              <p className="text-sm text-zinc-600">{t('empty')}</p>
            ) : (
              <div className="space-y-4">
                {groups
                  .filter((g) => g.tasks.length)
                  .map((g) => (
                    <TaskBucket key={g.key} id={`tasks-${g.key}`} title={`${t(g.key)} (${format.number(g.tasks.length)})`} overdue={g.key === 'overdue'}>
                      <ul className="divide-y divide-zinc-100">{g.tasks.map(row)}</ul>
                    </TaskBucket>
                  ))}
                {mine.total > mine.tasks.length && <p className="text-xs text-zinc-500">{t('more', { count: mine.total - mine.tasks.length })}</p>}
              </div>
            )}
          </Card>
          {unassigned && unassigned.total > 0 && (
            <Card title={`${t('unassigned')} (${unassigned.total})`}>
              <ul className="divide-y divide-zinc-100">{unassigned.tasks.map(row)}</ul>
            </Card>
          )}
        </TaskStatus>
        {load && load.length > 0 && (
          <Card title={t('team')}>
            <div className="overflow-x-auto">
              <TeamLoadTable load={load} format={format} snoozed />
            </div>
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}
