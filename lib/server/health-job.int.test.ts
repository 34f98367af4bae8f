import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { ensureUsagePartitions } from '@/db/queries/ingest';
import { usageEvents } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { queueConnection } from './jobs';
import { defineJob, openJobQueue, type JobQueue, type JobRegistry } from './jobs/queue';
import { jobRegistry } from './jobs/registry';

// The health job as two app instances run it: both schedule and enqueue it
// every minute, and each works the queue. Runs never overlap (the queue's
// `stately` policy: one waiting, one running), every marked account is
// scored once its run is over, and nothing is left marked. On PGlite both
// instances are in this one process; CI also runs this on PostgreSQL.

const opened: JobQueue<JobRegistry>[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((q) => q.stop({ timeoutMs: 5000 })));
});

let running = 0;
let overlapped = 0;
let runs = 0;
const health = defineJob<Record<string, never>>({
  ...jobRegistry.health,
  run: async (data, job) => {
    if (++running > 1) overlapped++;
    try {
      await jobRegistry.health.run(data, job);
    } finally {
      running--;
      runs++;
    }
  },
});

describe('the health job on two instances', () => {
  it('never runs twice at once, and scores every account marked while they enqueue it side by side', async () => {
    const db = await getDb();
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => createAccount({ name: `Two instances ${i}` }).then((a) => a.id)));
    const now = new Date();
    await ensureUsagePartitions(db, now, now);
    const a = await openJobQueue({ health }, { connection: await queueConnection(), migrate: false, pollingIntervalSeconds: 0.5, onError: () => {} });
    opened.push(a as unknown as JobQueue<JobRegistry>);
    const b = await openJobQueue({ health }, { connection: await queueConnection(), migrate: false, pollingIntervalSeconds: 0.5, onError: () => {} });
    opened.push(b as unknown as JobQueue<JobRegistry>);

    // Usage arrives in three waves while both instances keep sending the job.
    for (let wave = 0; wave < 3; wave++) {
      await db.insert(usageEvents).values(
        ids.slice(wave * 10, wave * 10 + 10).map((accountId) => ({ occurredAt: now, messageId: `two-${randomBytes(6).toString('hex')}`, type: 'track', event: 'Logged In', userKey: `u-${accountId}`, accountId })),
      );
      await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).enqueue('health', {})));
      await new Promise((r) => setTimeout(r, 300));
    }

    const until = Date.now() + 60_000;
    for (;;) {
      const [left] = await queryRows<{ marked: number; scored: number }>(
        db,
        sql`select (select count(*)::int from health_dirty) as marked,
          (select count(*)::int from account_signals where account_id in (select unnest(${`{${ids.join(',')}}`}::int[])) and days_since_seen = 0) as scored`,
      );
      if ((left!.marked === 0 && left!.scored === ids.length && running === 0) || Date.now() > until) {
        expect(left).toEqual({ marked: 0, scored: ids.length });
        break;
      }
      // A later wave's marks may need one more run: the instances' schedulers would send it within the minute.
      await a.enqueue('health', {});
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(overlapped).toBe(0);
    expect(runs).toBeGreaterThan(0);
  }, 90_000);
});
