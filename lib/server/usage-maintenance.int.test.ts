import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { ensureUsagePartitions } from '@/db/queries/ingest';
import { rollUpUsage } from '@/db/queries/usage-rollup';
import { usageEvents, workspaceSettings } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { maintainUsageEvents } from './usage-maintenance';

// The hourly upkeep: partitions ahead, months past the retention dropped
// whole with their roll-ups, each user's last day kept.

describe('maintainUsageEvents', () => {
  it('drops the months past the retention and their day roll-ups, keeps the rest and last seen', async () => {
    const db = await getDb();
    const now = new Date('2026-11-15T03:00:00Z');
    await db.insert(workspaceSettings).values({ id: 1, name: 'Upkeep', currency: 'JPY', timeZone: 'Asia/Tokyo', eventRetentionMonths: 2 }).onConflictDoUpdate({ target: workspaceSettings.id, set: { eventRetentionMonths: 2 } });
    const account = await createAccount({ name: 'Upkeep' });
    const old = new Date('2026-07-10T03:00:00Z');
    const recent = new Date('2026-11-10T03:00:00Z');
    await ensureUsagePartitions(db, old, now);
    await db.insert(usageEvents).values([
      { occurredAt: old, messageId: 'upkeep-old', type: 'track', event: 'Logged In', userKey: 'old-user', accountId: account.id },
      { occurredAt: recent, messageId: 'upkeep-new', type: 'track', event: 'Logged In', userKey: 'new-user', accountId: account.id },
    ]);

    await rollUpUsage(db);
    const { dropped } = await maintainUsageEvents(now);
    expect(dropped).toContain('usage_events_2026_07');
    expect(dropped).not.toContain('usage_events_2026_09');
    const [left] = await queryRows<Record<string, unknown>>(
      db,
      sql`select (select array_agg(message_id order by message_id) from usage_events where account_id = ${account.id}) as events,
        (select array_agg(day::text order by day) from usage_daily where account_id = ${account.id}) as daily,
        (select array_agg(day::text order by day) from usage_account_days where account_id = ${account.id}) as days,
        (select array_agg(user_key order by user_key) from usage_user_days where account_id = ${account.id}) as user_days,
        (select array_agg(user_key || ' ' || last_day order by user_key) from usage_account_users where account_id = ${account.id}) as last_seen,
        (select count(*)::int from pg_class where relname = 'usage_events_2026_12') as next_month`,
    );
    expect(left).toEqual({
      events: ['upkeep-new'],
      daily: ['2026-11-10'],
      days: ['2026-11-10'],
      user_days: ['new-user'],
      last_seen: ['new-user 2026-11-10', 'old-user 2026-07-10'],
      next_month: 1,
    });
    // Twice changes nothing.
    expect((await maintainUsageEvents(now)).dropped).toEqual([]);
  });
});
