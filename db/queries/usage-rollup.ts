import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';

// Folds queued usage events (usage_rollup_queue, filled by the trigger on
// usage_events) into the roll-ups signals read, in one statement per chunk:
// events per account, workspace day and name; per account and day; users
// per day; each user's and each event name's last day (with the latest NPS
// response's properties); and marks the accounts for the health recompute
// from the earliest day that changed. Rows are taken with SKIP LOCKED and
// deleted in the same statement, so two runs at once never count one twice.
// Events of an account deleted meanwhile are dropped.

export const rollupChunk = 50_000;

/** Rolls up at most `limit` queued events, oldest first; how many it took. */
export async function rollUpUsageChunk(db: DbOrTx, limit = rollupChunk): Promise<number> {
  const [{ n }] = (await queryRows<{ n: number }>(
    db,
    sql`
    with batch as (
      delete from usage_rollup_queue where id in (select id from usage_rollup_queue order by id limit ${limit} for update skip locked)
      returning account_id, occurred_at, counted, event, user_key, properties
    ),
    r as materialized (
      select b.account_id, (b.occurred_at at time zone coalesce((select time_zone from workspace_settings where id = 1), 'Asia/Tokyo'))::date as day,
        b.occurred_at, b.counted, b.event, b.user_key, b.properties
      from batch b where exists (select 1 from accounts a where a.id = b.account_id)
    ),
    daily as (
      insert into usage_daily (account_id, day, event, events)
      select account_id, day, event, count(*)::int from r where counted group by 1, 2, 3 order by 1, 2, 3
      on conflict (account_id, day, event) do update set events = usage_daily.events + excluded.events
    ),
    account_days as (
      insert into usage_account_days (account_id, day, events)
      select account_id, day, count(*)::int from r where counted group by 1, 2 order by 1, 2
      on conflict (account_id, day) do update set events = usage_account_days.events + excluded.events
    ),
    user_days as (
      insert into usage_user_days (account_id, day, user_key)
      select distinct account_id, day, user_key from r order by 1, 2, 3
      on conflict do nothing
    ),
    account_users as (
      insert into usage_account_users (account_id, user_key, last_day)
      select account_id, user_key, max(day) from r group by 1, 2 order by 1, 2
      on conflict (account_id, user_key) do update set last_day = greatest(usage_account_users.last_day, excluded.last_day)
    ),
    last_events as (
      insert into usage_last_events (account_id, event, last_day, last_at, properties)
      select distinct on (account_id, event) account_id, event, day, occurred_at, properties
      from r where counted order by account_id, event, occurred_at desc
      on conflict (account_id, event) do update set
        last_day = greatest(usage_last_events.last_day, excluded.last_day),
        last_at = case when usage_last_events.last_at is null or excluded.last_at >= usage_last_events.last_at then excluded.last_at else usage_last_events.last_at end,
        properties = case when usage_last_events.last_at is null or excluded.last_at >= usage_last_events.last_at then excluded.properties else usage_last_events.properties end
    ),
    dirty as (
      insert into health_dirty (account_id, from_day)
      select account_id, min(day) from r group by 1 order by 1
      on conflict (account_id) do update set from_day = least(health_dirty.from_day, excluded.from_day), marked_at = now()
    )
    select count(*)::int as n from batch`,
  )) as [{ n: number }];
  return n;
}

/** Rolls up everything queued, a chunk at a time; how many events. */
export async function rollUpUsage(db: DbOrTx, chunk = rollupChunk): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await rollUpUsageChunk(db, chunk);
    total += n;
    if (n < chunk) return total;
  }
}
