import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { accounts, usageEvents } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { ensureUsagePartitions } from './ingest';
import { rollUpUsage, rollUpUsageChunk } from './usage-rollup';

// Ingestion only queues attributed events; the roll-up folds them in bulk.

describe('rollUpUsage', () => {
  it('counts every queued event once, even with two roll-ups at once, and drops a deleted account’s', async () => {
    const db = await getDb();
    const kept = await createAccount({ name: 'Rolled kept' });
    const gone = await createAccount({ name: 'Rolled gone' });
    const now = new Date();
    await ensureUsagePartitions(db, now, now);
    const row = (accountId: number, i: number) => ({ occurredAt: new Date(now.getTime() - i * 1000), messageId: `r-${randomBytes(6).toString('hex')}`, type: 'track', event: i % 2 ? 'A' : 'B', userKey: `u${i % 3}`, accountId });
    await db.insert(usageEvents).values([...Array.from({ length: 40 }, (_, i) => row(kept.id, i)), ...Array.from({ length: 5 }, (_, i) => row(gone.id, i))]);
    await db.insert(usageEvents).values({ occurredAt: now, messageId: 'r-identify', type: 'identify', userKey: 'u9', accountId: kept.id });
    await db.delete(accounts).where(eq(accounts.id, gone.id));

    const [a, b] = await Promise.all([rollUpUsageChunk(db, 7), rollUpUsageChunk(db, 7)]);
    expect(a + b).toBe(14);
    await rollUpUsage(db, 7);
    const [sums] = await queryRows<Record<string, unknown>>(
      db,
      sql`select (select sum(events)::int from usage_daily where account_id = ${kept.id}) as daily,
        (select sum(events)::int from usage_account_days where account_id = ${kept.id}) as days,
        (select array_agg(user_key order by user_key) from usage_account_users where account_id = ${kept.id}) as users,
        (select array_agg(event order by event) from usage_last_events where account_id = ${kept.id}) as events,
        (select count(*)::int from usage_rollup_queue) as queued,
        (select count(*)::int from health_dirty where account_id = ${kept.id}) as marked`,
    );
    // 40 counted events (the identify is a user, not an event); users u0–u2 and u9.
    expect(sums).toEqual({ daily: 40, days: 40, users: ['u0', 'u1', 'u2', 'u9'], events: ['A', 'B'], queued: 0, marked: 1 });
  });
});
