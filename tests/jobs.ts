import { queueConnection, type JobName } from '@/lib/server/jobs';
import { jobRegistry } from '@/lib/server/jobs/registry';
import { openJobQueue } from '@/lib/server/jobs/queue';

/**
 * A job of one of the app's queues, failed on its only attempt with `message`,
 * held back an hour so no worker runs it once it is retried. For tests that
 * need a failed job and not the failure itself (jobs.int.test.ts fails one
 * for real).
 */
export async function failedJob(queue: JobName = 'content-email', message = 'mail server said no'): Promise<{ queue: JobName; id: string }> {
  // A queue instance of its own that works nothing, stopped at once.
  const q = await openJobQueue(jobRegistry, { connection: await queueConnection(), migrate: false, work: false, schedule: false, onError: () => {} });
  try {
    const id = (await q.boss.send(queue, { batchId: 'matrix' }, { retryLimit: 0, startAfter: new Date(Date.now() + 3600_000) }))!;
    await q.boss.fail(queue, id, { message });
    return { queue, id };
  } finally {
    await q.stop({ timeoutMs: 1000 });
  }
}
