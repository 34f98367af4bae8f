import type * as Navigation from 'next/navigation';
import type * as Registry from '@/lib/server/jobs/registry';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { deadLetterCopyIds, listFailedJobs } from '@/db/queries/jobs';
import { enqueue, jobNames, stopJobs, type JobName } from '@/lib/server/jobs';
import { loadMessages } from '@/lib/i18n/messages';
import { failedJobsQueue } from '@/lib/server/jobs/queue';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import JobsPage from './page';
import { retryFailedJob, retryFailedQueue } from './actions';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

// The app's own queue, with one more job whose handler throws until the test
// lets it through: the job fails for real, on the real workers, and is
// retried through the page's actions. On PGlite, or the PostgreSQL server in
// DATABASE_URL.
const outage = vi.hoisted(() => ({ on: true, runs: 0 }));
vi.mock('@/lib/server/jobs/registry', async (original) => {
  const actual = await original<typeof Registry>();
  const { defineJob } = await import('@/lib/server/jobs/queue');
  return {
    ...actual,
    jobRegistry: {
      ...actual.jobRegistry,
      'report-export': defineJob<{ reportId: number; token: string }>({
        retry: { limit: 1, delaySeconds: 1, maxDelaySeconds: 1 },
        run: async () => {
          outage.runs++;
          if (outage.on) throw new Error('export service answered 503 Service Unavailable\n    at exportReport (export.ts:12:7)');
        },
      }),
    },
  };
});

const queue = 'report-export' as JobName;

afterAll(() => stopJobs(1000));

async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const failedIds = async () => (await listFailedJobs(await getDb(), failedJobsQueue)).jobs.filter((j) => j.name === queue).map((j) => j.id);
const pageText = async (locale: 'en' | 'ja' = 'en') => textOf(await renderToHtml(await JobsPage(), locale));

/** Enqueues `count` report exports while the export service is down, and waits until each has failed after its retry. */
async function failExports(count: number) {
  outage.on = true;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await enqueue(queue, { reportId: 70 + i, token: 'tok_live_5f2a9c' } as never))!);
  await waitFor(async () => {
    const failed = await failedIds();
    return ids.every((id) => failed.includes(id));
  });
  return ids;
}

describe('/admin/jobs', () => {
  it('says so when nothing has failed, and lists the app’s queues but not pg-boss’s own', async () => {
    await signInAs(await createUser('admin'));
    const text = await pageText();
    expect(text).toContain('Background jobs');
    expect(text).toContain('Nothing has failed. Jobs that fail after their retries appear here.');
    expect(text).toContain('Content emails content-email');
    expect(text).not.toMatch(/__pgboss__|failed-jobs/);
    // Every queue of the app has a name in words, in both languages.
    for (const locale of ['en', 'ja'] as const) {
      const { jobs } = (await loadMessages(locale)) as unknown as { jobs: { queues: Record<string, string> } };
      expect(jobNames.filter((name) => name !== queue && !jobs.queues[name.replace(/-/g, '_')]), locale).toEqual([]);
    }
  });

  it('shows a job that failed after its retries, in words, and an admin retries it until it completes', async () => {
    const admin = await createUser('admin');
    await signInAs(admin);
    const [id] = await failExports(1);
    expect(outage.runs).toBe(2); // the first run and one retry

    const text = await pageText();
    expect(text).toMatch(/report-export 0 0 1 0/); // waiting, running, failed, completed in 24 h
    expect(text).toContain('Retry the failed job in report-export');
    expect(text).toContain('2 attempts');
    // The error's first line, not its stack; the data without its secret.
    expect(text).toContain('export service answered 503 Service Unavailable');
    expect(text).not.toContain('export.ts:12');
    expect(text).toMatch(/About: (token: ••• · )?reportId: 70/);
    expect(text).toContain('token: •••');
    expect(text).not.toContain('tok_live_5f2a9c');
    const db = await getDb();
    expect(await deadLetterCopyIds(db, failedJobsQueue, [id!])).toHaveLength(1);

    outage.on = false;
    expect(await retryFailedJob(null, { queue, id })).toEqual({ ok: true, data: { count: 1 } });
    expect(await lastAudit()).toMatchObject({ action: 'job.retry', entity: 'job_queue', entityId: queue, actorId: admin.id, after: { count: 1, jobIds: [id] } });
    // Retried, its dead letter copy is gone: a later redrive would not run it twice.
    expect(await deadLetterCopyIds(db, failedJobsQueue, [id!])).toEqual([]);
    // A second admin who retries it too is told; nothing is sent twice.
    expect(await retryFailedJob(null, { queue, id })).toEqual({ ok: false, error: { key: 'jobs.nothingToRetry' } });

    await waitFor(async () => (await pageText()).includes('report-export 0 0 0 1'));
    expect(outage.runs).toBe(3);
    expect(await pageText()).toContain('Nothing has failed.');
  }, 60_000);

  it('retries every failed job of a queue at once', async () => {
    await signInAs(await createUser('admin'));
    const ids = await failExports(2);
    outage.on = false;
    expect(await retryFailedQueue(null, { queue })).toEqual({ ok: true, data: { count: 2 } });
    expect(await lastAudit()).toMatchObject({ action: 'job.retry', entityId: queue, after: { count: 2 } });
    expect((await lastAudit())!.after).toMatchObject({ jobIds: expect.arrayContaining(ids) });
    await waitFor(async () => (await failedIds()).length === 0 && (await pageText()).includes('Nothing has failed.'));
    expect(await retryFailedQueue(null, { queue })).toEqual({ ok: false, error: { key: 'jobs.nothingToRetry' } });
  }, 60_000);

  it('refuses a queue that is not one of the app’s, and refuses managers and CSMs, who retry nothing', async () => {
    await signInAs(await createUser('admin'));
    expect(await retryFailedQueue(null, { queue: 'failed-jobs' })).toEqual({ ok: false, error: { key: 'errors.notFound' } });
    expect(await retryFailedJob(null, { queue: 'no-such-queue', id: 'x' })).toEqual({ ok: false, error: { key: 'errors.notFound' } });
    const [id] = await failExports(1);
    for (const role of ['manager', 'csm'] as const) {
      await signInAs(await createUser(role));
      expect(await retryFailedJob(null, { queue, id })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
      expect(await retryFailedQueue(null, { queue })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
    }
    expect(await failedIds()).toContain(id);
    outage.on = false;
    await signInAs(await createUser('admin'));
    expect((await retryFailedQueue(null, { queue })).ok).toBe(true);
  }, 60_000);
});
