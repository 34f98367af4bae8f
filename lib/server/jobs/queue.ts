// No `server-only` here: `npm run db:migrate` (a plain Node script) installs the schema through it.
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite, type ConstructorOptions, type DrizzleTransactionLike, type Queue } from 'pg-boss';
import type { Tx } from '@/db/client';
import { deadLetterCopyIds } from '@/db/queries/jobs';

// A thin layer over pg-boss (a PostgreSQL-backed queue): jobs live in the
// database (schema `pgboss`), so they survive restarts, and any number of app
// instances share them; a job is taken by one worker at a time. Delivery is
// at least once (a worker that dies mid-job leaves it to be retried after
// `expireInSeconds`), so every job's effect must be idempotent.

/** What a job knows about itself: attempt 0 is the first run. */
export type JobContext = { id: string; attempt: number };

export type JobDefinition<Data extends object> = {
  run: (data: Data, job: JobContext) => Promise<unknown>;
  /** Retries after a failure, with exponential backoff from `delaySeconds` up to `maxDelaySeconds`; then the job is failed and copied to the `failed-jobs` queue. */
  retry?: { limit: number; delaySeconds: number; maxDelaySeconds?: number };
  /**
   * `standard`: any number of jobs; `short`: one waiting job per `singletonKey`
   * (a second enqueue with the same key is dropped); `stately`: as short, and
   * one running per key too (a sweep never piles up or overlaps).
   */
  policy?: 'standard' | 'short' | 'stately';
  /** A run longer than this is taken as lost and retried. */
  expireInSeconds?: number;
  /** Workers per app instance. */
  concurrency?: number;
};

// Typed through `defineJob` so each registry entry keeps its own Data type.
export type JobRegistry = Record<string, JobDefinition<never>>;
export type JobData<R extends JobRegistry, N extends keyof R> = Parameters<R[N]['run']>[0];

export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}

/** Where failed jobs' payloads are kept, with their source queue, for an admin to read or redrive. */
export const failedJobsQueue = 'failed-jobs';

const defaultRetry = { limit: 5, delaySeconds: 30, maxDelaySeconds: 3600 };
const keepFinishedSeconds = 30 * 24 * 3600; // completed and failed jobs stay readable for 30 days
const keepDeadLettersSeconds = 365 * 24 * 3600;

export type EnqueueOptions = {
  /**
   * Deduplication key. In a `short` or `stately` queue: one waiting job per
   * key. In any queue with `singletonSeconds`: one job per key per window of
   * that many seconds. A duplicate is dropped and enqueue returns null.
   */
  singletonKey?: string;
  singletonSeconds?: number;
  startAfter?: Date | number;
  /** Enqueue inside this transaction: the job exists only if it commits. */
  tx?: Tx;
};

export type QueueConnection = { pglite: PGlite } | { url: string };

export type QueueOptions = {
  connection: QueueConnection;
  /** Create or upgrade pg-boss's schema on start (the embedded database); a server's is installed by `npm run db:migrate`. */
  migrate: boolean;
  /** Run workers here (false: only enqueue). */
  work?: boolean;
  /** Run the scheduler here (it sends each scheduled job once per slot, whichever instance gets there first). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  onError?: (error: unknown) => void;
  /** pg-boss's own intervals (tests shorten the scheduler's). */
  tuning?: Pick<ConstructorOptions, 'cronMonitorIntervalSeconds' | 'cronWorkerIntervalSeconds' | 'maintenanceIntervalSeconds'>;
};

export type JobQueue<R extends JobRegistry> = {
  boss: PgBoss;
  enqueue<N extends keyof R & string>(name: N, data: JobData<R, N>, options?: EnqueueOptions): Promise<string | null>;
  /** Queues many jobs of one kind in one statement (in `tx` when given). */
  enqueueMany<N extends keyof R & string>(name: N, data: JobData<R, N>[], options?: { tx?: Tx }): Promise<void>;
  schedule<N extends keyof R & string>(name: N, cron: string, data?: JobData<R, N>): Promise<void>;
  /**
   * Sends failed jobs back to run once more, in `tx`, and removes their dead
   * letter copies so a later redrive does not send them again; returns how
   * many went back (a job no longer failed is left alone).
   */
  retry(name: keyof R & string, ids: readonly string[], options: { tx: Tx }): Promise<number>;
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

function connectionOptions(connection: QueueConnection): ConstructorOptions {
  if ('pglite' in connection) return { db: fromPglite(connection.pglite), backend: 'pglite' };
  // pg-boss keeps its own small pool (node-postgres), with a deliberate wait
  // limit for a connection instead of waiting forever on a busy server.
  return { connectionString: connection.url, max: 3, connectionTimeoutMillis: 10_000, application_name: 'touchplan-jobs' };
}

export function queueSettings(definition: JobDefinition<never>): Omit<Queue, 'name'> {
  const retry = definition.retry ?? defaultRetry;
  return {
    policy: definition.policy ?? 'standard',
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: true,
    retryDelayMax: retry.maxDelaySeconds ?? defaultRetry.maxDelaySeconds,
    expireInSeconds: definition.expireInSeconds ?? 15 * 60,
    deleteAfterSeconds: keepFinishedSeconds,
    deadLetter: failedJobsQueue,
  };
}

/** Starts pg-boss on `connection`, creates a queue per registry entry and, unless `work` is false, their workers. */
export async function openJobQueue<R extends JobRegistry>(registry: R, options: QueueOptions): Promise<JobQueue<R>> {
  const boss = new PgBoss({
    ...connectionOptions(options.connection),
    migrate: options.migrate,
    schedule: options.schedule ?? true,
    instanceName: 'touchplan',
    ...options.tuning,
  });
  // An 'error' event without a listener would crash the process.
  boss.on('error', options.onError ?? ((e: unknown) => console.error('[jobs]', e)));
  await boss.start();
  try {
    await ensureQueue(boss, failedJobsQueue, { retentionSeconds: keepDeadLettersSeconds, deleteAfterSeconds: keepDeadLettersSeconds });
    for (const [name, definition] of Object.entries(registry)) await ensureQueue(boss, name, queueSettings(definition));
    if (options.work ?? true) {
      for (const [name, definition] of Object.entries(registry)) {
        await boss.work<object>(
          name,
          { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, localConcurrency: definition.concurrency ?? 1, batchSize: 1 },
          async (jobs) => {
            for (const job of jobs) await (definition.run as JobDefinition<object>['run'])(job.data, { id: job.id, attempt: job.retryCount });
          },
        );
      }
    }
  } catch (e) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw e;
  }

  return {
    boss,
    enqueue: (name, data, { tx, ...jobOptions } = {}) =>
      boss.send(name, data as object, { ...jobOptions, ...(tx ? { db: inTransaction(tx) } : {}) }),
    async enqueueMany(name, data, { tx } = {}) {
      if (!data.length) return;
      await boss.insert(name, data.map((d) => ({ data: d as object })), tx ? { db: inTransaction(tx) } : {});
    },
    schedule: (name, cron, data) => boss.schedule(name, cron, (data ?? null) as object | null),
    async retry(name, ids, { tx }) {
      if (!ids.length) return 0;
      const db = inTransaction(tx);
      // pg-boss types the reply as {}; at run time it is { jobs, requested, affected }.
      const { affected } = (await boss.retry(name, [...ids], { db })) as { affected?: number };
      const copies = await deadLetterCopyIds(tx, failedJobsQueue, ids);
      if (copies.length) await boss.deleteJob(failedJobsQueue, copies, { db });
      return affected ?? 0;
    },
    // Waits for running jobs (up to the timeout) before closing; one cut off is retried after it expires.
    stop: ({ timeoutMs = 20_000 } = {}) => boss.stop({ graceful: true, timeout: timeoutMs }),
  };
}

// Our Tx is typed for either driver, so its `execute` result is `unknown`; at
// run time it is postgres.js's row array or PGlite's { rows }, both of which
// the adapter reads.
function inTransaction(tx: Tx) {
  return fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
}

async function ensureQueue(boss: PgBoss, name: string, settings: Omit<Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) {
    // A queue's policy is fixed at creation; the rest follows the registry.
    const { retryLimit, retryDelay, retryBackoff, retryDelayMax, expireInSeconds, deleteAfterSeconds, retentionSeconds, deadLetter } = settings;
    const changeable = { retryLimit, retryDelay, retryBackoff, retryDelayMax, expireInSeconds, deleteAfterSeconds, retentionSeconds, deadLetter };
    await boss.updateQueue(name, Object.fromEntries(Object.entries(changeable).filter(([, v]) => v !== undefined)));
  } else {
    await boss.createQueue(name, settings);
  }
}

/** Creates or upgrades pg-boss's schema (`npm run db:migrate`, and the tests' template databases), then closes. */
export async function installQueueSchema(connection: QueueConnection): Promise<void> {
  const boss = new PgBoss({ ...connectionOptions(connection), migrate: true, schedule: false, supervise: false, registerInstance: false });
  boss.on('error', (e: unknown) => console.error('[jobs]', e));
  await boss.start();
  await boss.stop({ graceful: false });
}

/** pg-boss's refusal to start on a server whose queue schema is missing or older, said in our words. */
export function queueSchemaProblem(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  if (/pg-boss is not installed|requires migrations/.test(message))
    return 'The job queue tables (schema pgboss) are missing or from an older version: run `npm run db:migrate` before starting the app.';
}
