'use server';

import { failedJobIds } from '@/db/queries/jobs';
import type { Tx } from '@/db/client';
import { action, type ActionContext } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { isJobName, openJobs, retryJobs } from '@/lib/server/jobs';
import { retryJobInput, retryQueueInput } from '@/lib/validation/jobs';

/**
 * Sends failed jobs back to run once more, through pg-boss, in the action's
 * transaction with its audit row. Nothing failed any more (another admin
 * retried it first) is said, not hidden.
 */
async function retry({ tx, audit }: Pick<ActionContext<unknown>, 'audit'> & { tx: Tx }, queue: string, id?: string) {
  // Only the app's own queues: their names are known, and the queue has them open.
  if (!isJobName(queue)) throw notFoundError();
  const ids = await failedJobIds(tx, queue, id);
  const count = ids.length ? await retryJobs(queue, ids, tx) : 0;
  if (count === 0) throw new ActionError({ key: 'jobs.nothingToRetry' });
  await audit({ action: 'job.retry', entity: 'job_queue', entityId: queue, after: { count, jobIds: ids } });
  return { count };
}

export const retryFailedJob = action({
  name: 'job.retry',
  permission: 'jobs.manage',
  input: retryJobInput,
  // On the embedded database the queue must be open before the transaction takes the connection.
  prepare: () => openJobs(),
  revalidate: ['/admin/jobs'],
  run: ({ input, tx, audit }) => retry({ tx, audit }, input.queue, input.id),
});

export const retryFailedQueue = action({
  name: 'job.retry_all',
  permission: 'jobs.manage',
  input: retryQueueInput,
  prepare: () => openJobs(),
  revalidate: ['/admin/jobs'],
  run: ({ input, tx, audit }) => retry({ tx, audit }, input.queue),
});
