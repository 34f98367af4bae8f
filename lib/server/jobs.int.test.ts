import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { accountWithExpiredOverride } from '@/tests/accounts';
import { queueConnection, startJobs, stopJobs } from './jobs';
import { openJobQueue } from './jobs/queue';
import { jobRegistry } from './jobs/registry';

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function computedAgain(accountId: number) {
  return (await findAccount(await getDb(), accountId))?.tierSource === 'computed';
}

describe('the app job queue', () => {
  it('at server start schedules the sweeps, alert rules, due notifications and digests every 15 minutes, coverage and health every minute, usage upkeep hourly, and runs them once right away', async () => {
    const account = await accountWithExpiredOverride();
    await startJobs();
    try {
      await waitFor(() => computedAgain(account.id), 20_000);
      expect(await findAccount(await getDb(), account.id)).toMatchObject({ tier: 3, tierSource: 'computed' });
      const coverageRuns = async () => (await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from coverage_runs where scope = 'all'`))[0]!.n;
      await waitFor(async () => (await coverageRuns()) > 0, 20_000);
      const schedules = await queryRows<{ name: string; cron: string }>(await getDb(), sql`select name, cron from pgboss.schedule order by name`);
      expect(schedules).toEqual([
        { name: 'alerts', cron: '*/15 * * * *' },
        { name: 'coverage', cron: '* * * * *' },
        { name: 'digest', cron: '*/15 * * * *' },
        { name: 'health', cron: '* * * * *' },
        { name: 'notify-due', cron: '*/15 * * * *' },
        { name: 'sweep-overrides', cron: '*/15 * * * *' },
        { name: 'sweep-reminders', cron: '*/15 * * * *' },
        { name: 'usage-maintenance', cron: '7 * * * *' },
      ]);
      // Health's whole run of the day happens at start too.
      await waitFor(async () => (await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from health_runs`))[0]!.n > 0, 20_000);
    } finally {
      await stopJobs(1000);
    }
  }, 40_000);

  it('runs the sweep on its schedule and ends expired overrides', async () => {
    const account = await accountWithExpiredOverride();
    // The real registry, with a schedule that comes due every minute and a scheduler that looks every second.
    const q = await openJobQueue(jobRegistry, {
      connection: await queueConnection(),
      migrate: false,
      pollingIntervalSeconds: 0.5,
      tuning: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 },
    });
    try {
      const before = (await q.boss.findJobs('sweep-overrides')).length;
      expect(await computedAgain(account.id)).toBe(false);
      await q.schedule('sweep-overrides', '* * * * *');
      await waitFor(() => computedAgain(account.id), 75_000);
      expect((await q.boss.findJobs('sweep-overrides')).length).toBe(before + 1); // the scheduler sent it
    } finally {
      await q.stop({ timeoutMs: 1000 });
    }
  }, 90_000);
});
