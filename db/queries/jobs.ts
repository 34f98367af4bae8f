import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';

// Reading pg-boss's tables (schema `pgboss`) for the admin's jobs page. pg-boss
// has no call for these: its `getQueues` counts are a snapshot its monitor
// takes now and then, with nothing for "completed in the last day", and
// `findJobs` cannot filter by state. Writes (retrying) go through pg-boss's
// own API (lib/server/jobs.ts).

/** Each queue (but the dead letter queue, which nothing works, and pg-boss's own) with how many jobs wait, run, failed, and completed in the last 24 hours. */
export async function jobQueueCounts(db: DbOrTx, deadLetterQueue: string) {
  return queryRows<{ name: string; queued: number; active: number; failed: number; completedLastDay: number }>(
    db,
    sql`select q.name,
          (count(j.id) filter (where j.state in ('created', 'retry')))::int as queued,
          (count(j.id) filter (where j.state = 'active'))::int as active,
          (count(j.id) filter (where j.state = 'failed'))::int as failed,
          (count(j.id) filter (where j.state = 'completed' and j.completed_on > now() - interval '1 day'))::int as "completedLastDay"
        from pgboss.queue q left join pgboss.job j on j.name = q.name
        where q.name <> ${deadLetterQueue} and q.name not like '\_\_pgboss\_\_%'
        group by q.name order by q.name`,
  );
}

export const failedJobsShown = 100;

/** Failed jobs, newest first: when they failed, how many attempts they had, their data and the error pg-boss kept. */
export async function listFailedJobs(db: DbOrTx, deadLetterQueue: string) {
  const rows = await queryRows<{ id: string; name: string; createdOn: string; failedOn: string; attempts: number; data: unknown; output: unknown; total: number }>(
    db,
    sql`select j.id::text as id, j.name, j.created_on as "createdOn", j.completed_on as "failedOn", (j.retry_count + 1)::int as attempts, j.data, j.output,
          count(*) over ()::int as total
        from pgboss.job j
        where j.state = 'failed' and j.name <> ${deadLetterQueue} and j.name not like '\_\_pgboss\_\_%'
        order by j.completed_on desc nulls last, j.id
        limit ${failedJobsShown}`,
  );
  return { jobs: rows, total: rows[0]?.total ?? 0 };
}

/** The ids of a queue's failed jobs (one of them when `id` is given): what a retry sends back. */
export async function failedJobIds(db: DbOrTx, queue: string, id?: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from pgboss.job
        where name = ${queue} and state = 'failed' ${id ? sql`and id::text = ${id}` : sql``}
        order by completed_on, id`,
  );
  return rows.map((r) => r.id);
}

/** The dead letter copies of these jobs: once the jobs are retried, a later redrive must not send them again. */
export async function deadLetterCopyIds(db: DbOrTx, deadLetterQueue: string, sourceIds: readonly string[]) {
  if (!sourceIds.length) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from pgboss.job
        where name = ${deadLetterQueue} and state < 'active' and source_id::text = any(${`{${sourceIds.join(',')}}`}::text[])`,
  );
  return rows.map((r) => r.id);
}
