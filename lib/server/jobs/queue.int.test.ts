import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { withDatabase } from '@/tests/global-setup-integration';
import { queueConnection } from '../jobs';
import { defineJob, failedJobsQueue, installQueueSchema, openJobQueue, type JobQueue, type JobRegistry } from './queue';

// The queue on the database the tests run on: the embedded PGlite, or the
// PostgreSQL server in DATABASE_URL (CI runs both).

const onServer = Boolean(process.env.DATABASE_URL);
const opened: JobQueue<JobRegistry>[] = [];
const fast = { pollingIntervalSeconds: 0.5, onError: () => {} };

async function open<R extends JobRegistry>(registry: R, options: { migrate?: boolean } = {}) {
  const q = await openJobQueue(registry, { connection: await queueConnection(), migrate: options.migrate ?? false, ...fast });
  opened.push(q as unknown as JobQueue<JobRegistry>);
  return q;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((q) => q.stop({ timeoutMs: 1000 })));
});

async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A job whose effect a test can count: one row per key, and how many times it ran.
beforeAll(async () => {
  const db = await getDb();
  await db.execute(sql`create table job_effects (key text primary key, runs int not null, worker text not null)`);
});

function recordEffect(worker: string) {
  return defineJob<{ key: string }>({
    concurrency: 4,
    run: async ({ key }) => {
      const db = await getDb();
      await db.execute(sql`insert into job_effects (key, runs, worker) values (${key}, 1, ${worker})
        on conflict (key) do update set runs = job_effects.runs + 1`);
    },
  });
}

async function effects(prefix: string) {
  return queryRows<{ key: string; runs: number; worker: string }>(await getDb(), sql`select key, runs, worker from job_effects where key like ${prefix + '%'}`);
}

describe('the job queue', () => {
  it('runs an enqueued job with its data and marks it completed', async () => {
    const seen: { key: string }[] = [];
    const q = await open({ echo: defineJob<{ key: string }>({ run: async (data) => void seen.push(data) }) });
    const id = await q.enqueue('echo', { key: 'round-trip' });
    expect(id).toEqual(expect.any(String));
    await waitFor(async () => seen.length > 0);
    expect(seen).toEqual([{ key: 'round-trip' }]);
    const [job] = await waitFor(async () => {
      const jobs = await q.boss.findJobs('echo', { id: id! });
      return jobs[0]?.state === 'completed' && jobs;
    });
    expect(job).toMatchObject({ state: 'completed', data: { key: 'round-trip' } });
  });

  it('drops a duplicate by singleton key, and a job enqueued in a rolled-back transaction never exists', async () => {
    const q = await open({
      later: defineJob<{ n: number }>({ run: async () => {} }),
      recompute: defineJob<{ account: number }>({ policy: 'short', run: async () => {} }),
    });
    const startAfter = new Date(Date.now() + 3600_000);
    // A standard queue dedupes a key within a window…
    expect(await q.enqueue('later', { n: 1 }, { singletonKey: 'digest-7', singletonSeconds: 600, startAfter })).toEqual(expect.any(String));
    expect(await q.enqueue('later', { n: 2 }, { singletonKey: 'digest-7', singletonSeconds: 600, startAfter })).toBeNull();
    // …a short queue keeps one waiting job per key.
    expect(await q.enqueue('recompute', { account: 7 }, { singletonKey: 'account-7', startAfter })).toEqual(expect.any(String));
    expect(await q.enqueue('recompute', { account: 7 }, { singletonKey: 'account-7', startAfter })).toBeNull();
    expect(await q.enqueue('recompute', { account: 8 }, { singletonKey: 'account-8', startAfter })).toEqual(expect.any(String));

    const db = await getDb();
    await db
      .transaction(async (tx) => {
        await q.enqueue('later', { n: 3 }, { tx, startAfter });
        throw new Error('roll back');
      })
      .catch(() => {});
    await db.transaction(async (tx) => {
      await q.enqueue('later', { n: 4 }, { tx, startAfter });
    });
    expect((await q.boss.findJobs<{ n: number }>('later')).map((j) => j.data.n).sort()).toEqual([1, 4]);
    expect((await q.boss.findJobs<{ account: number }>('recompute')).map((j) => j.data.account).sort()).toEqual([7, 8]);
  });

  it('retries a failing job with backoff, then leaves it failed with its error and copies it to failed-jobs', async () => {
    let attempts = 0;
    const q = await open({
      'always-fails': defineJob<{ invoice: number }>({
        retry: { limit: 2, delaySeconds: 1, maxDelaySeconds: 1 },
        run: async () => {
          attempts++;
          throw new Error('mail server said no');
        },
      }),
    });
    const id = (await q.enqueue('always-fails', { invoice: 42 }))!;
    const [failed] = await waitFor(async () => {
      const jobs = await q.boss.findJobs('always-fails', { id });
      return jobs[0]?.state === 'failed' && jobs;
    }, 25_000);
    expect(attempts).toBe(3); // the first run and two retries
    expect(failed).toMatchObject({ state: 'failed', retryCount: 2, output: expect.objectContaining({ message: 'mail server said no' }) });
    const [dead] = await waitFor(async () => {
      const jobs = await q.boss.findJobs<{ invoice: number }>(failedJobsQueue, { data: { invoice: 42 } });
      return jobs.length > 0 && jobs;
    });
    expect(dead).toMatchObject({ data: { invoice: 42 }, sourceName: 'always-fails' });
  }, 40_000);

  it('runs each of 200 jobs once when two queue instances work them side by side', async () => {
    // Two pg-boss instances, as two app servers would run (on PGlite: two in one process, one database).
    const a = await open({ record: recordEffect('a') });
    await open({ record: recordEffect('b') });
    await a.boss.insert(
      'record',
      Array.from({ length: 200 }, (_, i) => ({ data: { key: `pair-${i}` } })),
    );
    const rows = await waitFor(async () => {
      const r = await effects('pair-');
      return r.length === 200 && r;
    }, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would land after the last first run
    const after = await effects('pair-');
    expect(after.filter((r) => r.runs !== 1)).toEqual([]);
    expect(after).toHaveLength(200);
    const byWorker = { a: rows.filter((r) => r.worker === 'a').length, b: rows.filter((r) => r.worker === 'b').length };
    expect(byWorker.a).toBeGreaterThan(0);
    expect(byWorker.b).toBeGreaterThan(0);
  }, 90_000);
});

describe('the queue schema', () => {
  it.runIf(!onServer)('is created on first start of a fresh embedded database, which then runs jobs', async () => {
    const fresh = new PGlite();
    try {
      const seen: string[] = [];
      const q = await openJobQueue({ echo: defineJob<{ key: string }>({ run: async ({ key }) => void seen.push(key) }) }, { connection: { pglite: fresh }, migrate: true, ...fast });
      try {
        await q.enqueue('echo', { key: 'first-start' });
        await waitFor(async () => seen.length > 0);
        expect(seen).toEqual(['first-start']);
      } finally {
        await q.stop({ timeoutMs: 1000 });
      }
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it.runIf(onServer)('is refused on a server where db:migrate has not installed it, and works once installed', async () => {
    const server = process.env.DATABASE_URL!;
    const name = `touchplan_q_${Date.now().toString(36)}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = withDatabase(server, name);
    try {
      const registry = { echo: defineJob<{ key: string }>({ run: async () => {} }) };
      await expect(openJobQueue(registry, { connection: { url }, migrate: false, ...fast })).rejects.toThrow(/not installed/);
      await installQueueSchema({ url });
      const q = await openJobQueue(registry, { connection: { url }, migrate: false, ...fast });
      await q.stop({ timeoutMs: 1000 });
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);
});
