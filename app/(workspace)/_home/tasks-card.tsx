import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { homeInbox, teamTaskLoad } from '@/db/queries/tasks';
import type { Format } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { TaskBucket } from '@/components/tasks/task-bucket';
import { TeamLoadTable } from '@/components/tasks/team-load-table';

const buckets = ['overdue', 'today', 'week'] as const;

/** A CSM's open tasks due this week on the home page: the first few of overdue, due today and later this week, with how many each holds. */
export async function TasksCard({ inbox, format }: { inbox: Awaited<ReturnType<typeof homeInbox>>; format: Format }) {
  const t = await getTranslations('tasks');
  const shown = buckets.filter((b) => inbox[b].count > 0);
  return (
    <Card
      title={t('home.title')}
      description={t('home.description')}
      actions={
        <Link href="/tasks" className="text-sm text-brand-700 hover:underline">
          {t('home.open')}
        </Link>
      }
    >
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('home.empty')}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-3">
          {shown.map((b) => (
            <TaskBucket key={b} id={`home-tasks-${b}`} title={`${t(b)} (${format.number(inbox[b].count)})`} overdue={b === 'overdue'}>
              <ul className="mt-1 divide-y divide-zinc-100 text-sm">
                {inbox[b].tasks.map((task) => (
                  <li key={task.id} className="py-1.5">
                    <p className="truncate font-medium text-zinc-900">{task.title}</p>
                    <p className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-600">
                      <Link href={`/accounts/${task.accountId}`} className="text-brand-700 hover:underline">
                        {task.accountName}
                      </Link>
                      {task.priority === 'high' && <Badge tone="red">{t('priority.high')}</Badge>}
                      {b !== 'today' && <span>{t('due', { date: format.date(task.dueOn) })}</span>}
                    </p>
                  </li>
                ))}
              </ul>
              {inbox[b].count > inbox[b].tasks.length && (
                <Link href="/tasks" className="text-xs text-brand-700 hover:underline">
                  {t('home.more', { count: inbox[b].count - inbox[b].tasks.length })}
                </Link>
              )}
            </TaskBucket>
          ))}
        </div>
      )}
    </Card>
  );
}

/** The team's open tasks per person on a manager's home: open, overdue, due today, this week; the pooled row with nobody to take it first. */
export async function TeamTasksCard({ load, format }: { load: Awaited<ReturnType<typeof teamTaskLoad>>; format: Format }) {
  const t = await getTranslations('tasks');
  return (
    <Card
      title={t('home.teamTitle')}
      actions={
        <Link href="/tasks" className="text-sm text-brand-700 hover:underline">
          {t('home.open')}
        </Link>
      }
    >
      {load.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('home.teamEmpty')}</p>
      ) : (
        <div className="-m-4 overflow-x-auto">
          <TeamLoadTable load={load} format={format} />
        </div>
      )}
    </Card>
  );
}
