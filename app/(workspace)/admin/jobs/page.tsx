import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { jobQueueCounts, listFailedJobs } from '@/db/queries/jobs';
import { requirePageUser } from '@/lib/auth/current-user';
import { getFormat } from '@/lib/i18n/format';
import { failureReason, summariseJobData, type FailureReason } from '@/lib/jobs/describe';
import { queueLabel } from '@/lib/jobs/queue-label';
import { jobNames } from '@/lib/server/jobs';
import { failedJobsQueue } from '@/lib/server/jobs/queue';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { RetryForm } from './retry-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('jobs'))('title') };
}

/** The job queues with their counts, and the failed jobs with why they failed, each to retry. */
export default async function JobsPage() {
  await requirePageUser('jobs.manage');
  const db = await getDb();
  const [t, tAll, format, counts, failed] = await Promise.all([
    getTranslations('jobs'),
    getTranslations(),
    getFormat(),
    jobQueueCounts(db, failedJobsQueue),
    listFailedJobs(db, failedJobsQueue),
  ]);
  // The app's queues show even before an instance has created them (a fresh server), with nothing counted yet.
  const none = { queued: 0, active: 0, failed: 0, completedLastDay: 0 };
  const queues = [...counts, ...jobNames.filter((name) => !counts.some((c) => c.name === name)).map((name) => ({ name, ...none }))].sort((a, b) => a.name.localeCompare(b.name));
  const label = (name: string) => queueLabel(name, { t: (k) => tAll(k as never), has: (k) => tAll.has(k as never) });
  const reason = (r: FailureReason) => (r.kind === 'error' ? r.message : t(r.kind));
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('description')} />
      <Card title={t('queuesTitle')}>
        <Table>
          <thead>
            <tr>
              <Th>{t('queue')}</Th>
              <Th className="text-right">{t('queued')}</Th>
              <Th className="text-right">{t('active')}</Th>
              <Th className="text-right">{t('failed')}</Th>
              <Th className="hidden text-right sm:table-cell">{t('completedLastDay')}</Th>
              <Th className="hidden sm:table-cell">
                <span className="sr-only">{t('retry')}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {queues.map((q) => (
              <tr key={q.name}>
                <Td className="whitespace-normal">
                  <span className="font-medium text-zinc-900">{label(q.name)}</span>
                  <span className="hidden font-mono text-xs text-zinc-500 sm:block">{q.name}</span>
                </Td>
                <Td className="text-right tabular-nums">{format.number(q.queued)}</Td>
                <Td className="text-right tabular-nums">{format.number(q.active)}</Td>
                <Td className={q.failed ? 'text-right font-semibold tabular-nums text-red-700' : 'text-right tabular-nums'}>{format.number(q.failed)}</Td>
                <Td className="hidden text-right tabular-nums sm:table-cell">{format.number(q.completedLastDay)}</Td>
                <Td className="hidden text-right sm:table-cell">{q.failed > 0 && <RetryForm queue={q.name} label={t('retryAll', { count: q.failed, queue: label(q.name) })} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title={t('failedTitle')} description={failed.total > failed.jobs.length ? t('shown', { shown: failed.jobs.length, total: failed.total }) : undefined}>
        {failed.jobs.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noFailures')}</p>
        ) : (
          <>
            {/* Phones have no room for the queue table's retry column: retry a whole queue from here. */}
            <div className="mb-3 flex flex-wrap gap-2 sm:hidden">
              {queues
                .filter((q) => q.failed > 0)
                .map((q) => (
                  <RetryForm key={q.name} queue={q.name} label={t('retryAll', { count: q.failed, queue: label(q.name) })} />
                ))}
            </div>
            <ul className="divide-y divide-zinc-100">
              {failed.jobs.map((job) => {
                const data = summariseJobData(job.data);
                return (
                  <li key={job.id} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0 space-y-1 text-sm">
                      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                        <span className="font-medium text-zinc-900">{label(job.name)}</span>
                        <span className="text-zinc-600">{t('failedAt', { when: format.dateTime(new Date(job.failedOn ?? job.createdOn)) })}</span>
                        <span className="text-zinc-600">{t('attempts', { count: job.attempts })}</span>
                      </p>
                      <p className="break-words text-red-800">
                        <span className="sr-only">{t('error')}: </span>
                        {reason(failureReason(job.output))}
                      </p>
                      <p className="break-words text-xs text-zinc-500">
                        {t('data', { fields: data.length ? data.map((d) => `${d.name}: ${d.value}`).join(' · ') : t('noData') })}
                      </p>
                    </div>
                    <div className="shrink-0">
                      <RetryForm queue={job.name} id={job.id} label={t('retry')} />
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
