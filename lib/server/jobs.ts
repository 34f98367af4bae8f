import 'server-only';
import { getPglite, type Tx } from '@/db/client';
import { databaseUrl } from '@/lib/env';
import { jobRegistry, jobSchedules, jobsAtStart, type JobName } from './jobs/registry';
import { openJobQueue, queueSchemaProblem, type EnqueueOptions, type JobData, type JobQueue, type QueueConnection } from './jobs/queue';

// The app's job queue: one per process, started by the server at start
// (lib/server-start.ts), stopped on shutdown. Everything else uses
// `enqueue` and `schedule`; the jobs themselves are in ./jobs/registry.ts.

type AppQueue = JobQueue<typeof jobRegistry>;
export type { JobName };

// On globalThis so every bundle of the Next server shares one queue, as db/client does.
const store = globalThis as unknown as { __touchplanJobs?: Promise<AppQueue> };

export async function queueConnection(): Promise<QueueConnection> {
  const url = databaseUrl();
  if (url) return { url };
  const pglite = await getPglite();
  if (!pglite) throw new Error('The embedded database is not open.');
  return { pglite };
}

function queue(): Promise<AppQueue> {
  if (!store.__touchplanJobs) {
    store.__touchplanJobs = queueConnection().then((connection) =>
      // The embedded database installs pg-boss's schema itself, as it runs its
      // own migrations; a server's comes from `npm run db:migrate`.
      openJobQueue(jobRegistry, { connection, migrate: 'pglite' in connection }).catch((e: unknown) => {
        const problem = queueSchemaProblem(e);
        throw problem ? new Error(problem, { cause: e }) : e;
      }),
    );
    store.__touchplanJobs.catch(() => {
      store.__touchplanJobs = undefined;
    });
  }
  return store.__touchplanJobs;
}

/** Starts this process's workers and scheduler, installs the schedules and sends the start-time jobs. */
export async function startJobs(): Promise<void> {
  const q = await queue();
  for (const { name, cron } of jobSchedules) await q.schedule(name, cron);
  for (const name of jobsAtStart) await q.enqueue(name, {});
  console.log(`[jobs] queue started; scheduled: ${jobSchedules.map((s) => `${s.name} (${s.cron})`).join(', ')}`);
}

/** Lets running jobs finish (up to the timeout) and closes the queue's connections. */
export async function stopJobs(timeoutMs?: number): Promise<void> {
  const started = store.__touchplanJobs;
  store.__touchplanJobs = undefined;
  if (started) await (await started).stop({ timeoutMs });
}

/**
 * Opens this process's queue if it is not open yet. An action that enqueues
 * inside its transaction calls this first (in its `prepare`): on the embedded
 * database, opening the queue inside the transaction would wait for the very
 * connection the transaction holds.
 */
export async function openJobs(): Promise<void> {
  await queue();
}

/** Queues a job (opening the queue in this process if needed); null when `singletonKey` found one already waiting. */
export async function enqueue<N extends JobName>(name: N, data: JobData<typeof jobRegistry, N>, options?: EnqueueOptions): Promise<string | null> {
  return (await queue()).enqueue(name, data, options);
}

/** Queues many jobs of one kind in one statement (in `options.tx` when given: they exist only if it commits). */
export async function enqueueMany<N extends JobName>(name: N, data: JobData<typeof jobRegistry, N>[], options?: { tx?: Tx }): Promise<void> {
  return (await queue()).enqueueMany(name, data, options);
}

/** Runs `name` on a cron expression (UTC), once per slot across all instances; calling it again replaces the expression. */
export async function schedule<N extends JobName>(name: N, cron: string, data?: JobData<typeof jobRegistry, N>): Promise<void> {
  return (await queue()).schedule(name, cron, data);
}

/** The app's queues, by name. */
export const jobNames = Object.keys(jobRegistry) as JobName[];

/** Whether `name` is one of the app's queues (the ones this page may retry). */
export const isJobName = (name: string): name is JobName => Object.hasOwn(jobRegistry, name);

/**
 * Sends failed jobs of one queue back to run again, in the caller's
 * transaction (open the queue first, outside it: see `openJobs`).
 */
export async function retryJobs(name: JobName, ids: readonly string[], tx: Tx): Promise<number> {
  return (await queue()).retry(name, ids, { tx });
}
