import { sql, type SQL } from 'drizzle-orm';
import type { Message } from '@/lib/signals/message';
import { queryRows, type DbOrTx } from '../client';

// The ingestion API's reads and writes (lib/server/ingest.ts), each one
// set-based statement per request, whatever the batch's size.

export type IngestKey = { id: number; ratePerMinute: number; /** Requests this minute, this one included. */ requests: number; secondsLeft: number };

/**
 * The live key with this hash, its use recorded (at most once a minute, so
 * a busy key costs no write per request) and this request counted against
 * its minute, in one statement; null for an unknown or revoked key.
 */
export async function admitRequest(db: DbOrTx, hash: string): Promise<IngestKey | null> {
  const [key] = await queryRows<IngestKey>(
    db,
    sql`with k as (select id, rate_per_minute from write_keys where key_hash = ${hash} and revoked_at is null),
        used as (update write_keys w set last_used_at = now() from k where w.id = k.id and (w.last_used_at is null or w.last_used_at < now() - interval '1 minute')),
        counted as (
          insert into ingest_rate (key_id, minute, requests) select id, date_trunc('minute', now()), 1 from k
          on conflict (key_id, minute) do update set requests = ingest_rate.requests + 1
          returning requests, ceil(extract(epoch from date_trunc('minute', now()) + interval '1 minute' - now()))::int as seconds_left
        )
        select k.id, k.rate_per_minute as "ratePerMinute", c.requests, c.seconds_left as "secondsLeft" from k cross join counted c`,
  );
  return key ? { ...key, requests: Number(key.requests), secondsLeft: Math.max(1, Number(key.secondsLeft)) } : null;
}

/** Makes the monthly partitions of usage_events from `from` to `to` (inclusive) that are missing. */
export async function ensureUsagePartitions(db: DbOrTx, from: Date, to: Date): Promise<void> {
  await db.execute(
    sql`select usage_events_partition(m::date) from generate_series(date_trunc('month', ${from.toISOString()}::timestamptz at time zone 'UTC'), ${to.toISOString()}::timestamptz at time zone 'UTC', interval '1 month') m`,
  );
}

/** Drops the monthly partitions that end before `oldest`; their names. */
export async function dropUsagePartitionsBefore(db: DbOrTx, oldest: Date): Promise<string[]> {
  const old = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
        where p.relname = 'usage_events' and c.relname ~ '^usage_events_[0-9]{4}_[0-9]{2}$'
          and (to_date(substr(c.relname, 14), 'YYYY_MM') + interval '1 month') <= ${oldest.toISOString()}::timestamptz at time zone 'UTC'`,
  );
  for (const { name } of old) await db.execute(sql`drop table if exists ${sql.identifier(name)}`);
  return old.map((o) => o.name);
}

/** Forgets the day roll-ups older than the retention (each user's and event name's last day stay: last seen stays true). */
export async function pruneRollupsBefore(db: DbOrTx, oldest: Date, timeZone: string): Promise<void> {
  const day = sql`(${oldest.toISOString()}::timestamptz at time zone ${timeZone})::date`;
  await db.execute(sql`delete from usage_daily where day < ${day}`);
  await db.execute(sql`delete from usage_account_days where day < ${day}`);
  await db.execute(sql`delete from usage_user_days where day < ${day}`);
}

/**
 * Stores the messages whose id was not seen in the last 30 days, in one
 * statement (the batch is sent and read once): the ids (a repeated one
 * changes nothing), each user's last group and traits, and the events,
 * attributed to the account their group names (external id, else domain)
 * or, without a group, to the user's last group's (in this request, else
 * the one stored). Returns how many were new.
 */
export async function storeMessages(db: DbOrTx, keyId: number, messages: Message[]): Promise<{ stored: number }> {
  if (!messages.length) return { stored: 0 };
  const rows = JSON.stringify(
    messages.map((m, i) => ({
      i,
      message_id: m.messageId,
      type: m.type,
      event: m.event,
      user_key: m.userKey,
      group_id: m.groupId,
      occurred_at: m.occurredAt.toISOString(),
      properties: m.properties,
      traits: m.traits,
    })),
  );
  const account = (group: SQL) =>
    sql`(select id from (select id, 0 as o from accounts where external_id = ${group} union all select id, 1 from accounts where lower(domain) = lower(${group})) x order by o limit 1)`;

  const [{ stored }] = (await queryRows<{ stored: number }>(
    db,
    sql`
    with input as materialized (
      select * from jsonb_to_recordset(${rows}::jsonb)
        as r(i int, message_id text, type text, event text, user_key text, group_id text, occurred_at timestamptz, properties jsonb, traits jsonb)
    ),
    fresh as (
      insert into usage_message_ids (message_id) select distinct message_id from input on conflict do nothing returning message_id
    ),
    r as materialized (
      select distinct on (i.message_id) i.* from input i join fresh f on f.message_id = i.message_id order by i.message_id, i.i
    ),
    g as (
      select distinct on (user_key) user_key, group_id, ${account(sql`group_id`)} as account_id from r
      where type = 'group' order by user_key, occurred_at desc, i desc
    ),
    t as (
      select r.user_key, jsonb_object_agg(k.key, k.value order by r.occurred_at, r.i) as traits
      from r cross join lateral jsonb_each(coalesce(r.traits, '{}'::jsonb)) k
      where r.type = 'identify'
      group by r.user_key
    ),
    users as (
      insert into usage_users as x (user_key, group_id, account_id, traits, updated_at)
      select coalesce(g.user_key, t.user_key), g.group_id, g.account_id, t.traits, now() from g full join t on t.user_key = g.user_key
      on conflict (user_key) do update set
        group_id = coalesce(excluded.group_id, x.group_id),
        account_id = case when excluded.group_id is null then x.account_id else excluded.account_id end,
        traits = case when excluded.traits is null then x.traits else coalesce(x.traits, '{}'::jsonb) || excluded.traits end,
        updated_at = now()
    ),
    events as (
      insert into usage_events (occurred_at, message_id, type, event, user_key, group_id, account_id, key_id, properties, traits)
      select r.occurred_at, r.message_id, r.type, r.event, r.user_key, coalesce(r.group_id, g.group_id, u.group_id),
        case when r.group_id is not null then ${account(sql`r.group_id`)} when g.user_key is not null then g.account_id else u.account_id end,
        ${keyId}, r.properties, r.traits
      from r left join g on g.user_key = r.user_key left join usage_users u on u.user_key = r.user_key
      returning 1
    )
    select count(*)::int as stored from events`,
  )) as [{ stored: number }];
  return { stored };
}

export type Rejected = { position: number; messageId: string | null; type: string | null; field: string; reason: string; excerpt: string };

/** Keeps the refused messages for the debugger. */
export async function recordRejections(db: DbOrTx, keyId: number, endpoint: string, rejected: Rejected[]): Promise<void> {
  if (!rejected.length) return;
  await db.execute(sql`
    insert into ingest_rejections (key_id, endpoint, position, message_id, type, field, reason, excerpt)
    select ${keyId}, ${endpoint}, r.position, r.message_id, r.type, r.field, r.reason, r.excerpt
    from jsonb_to_recordset(${JSON.stringify(rejected.map((r) => ({ position: r.position, message_id: r.messageId, type: r.type, field: r.field, reason: r.reason, excerpt: r.excerpt })))}::jsonb)
      as r(position int, message_id text, type text, field text, reason text, excerpt text)`);
}

/** Forgets message ids older than 30 days, rate counts older than an hour, and all but the newest 1,000 refusals. */
export async function pruneIngestion(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from usage_message_ids where received_at < now() - interval '30 days'`);
  await db.execute(sql`delete from ingest_rate where minute < now() - interval '1 hour'`);
  await db.execute(sql`delete from ingest_rejections where id <= (select id from ingest_rejections order by id desc offset 1000 limit 1)`);
}

export type DebuggerRow = {
  status: 'accepted' | 'rejected';
  receivedAt: Date;
  keyName: string | null;
  type: string | null;
  event: string | null;
  userKey: string | null;
  groupId: string | null;
  accountId: number | null;
  accountName: string | null;
  messageId: string | null;
  field: string | null;
  reason: string | null;
  excerpt: string | null;
};

/** The last `limit` messages received, accepted (stored events) and refused alike, newest first. */
export async function recentMessages(db: DbOrTx, limit = 100): Promise<DebuggerRow[]> {
  const rows = await queryRows<Omit<DebuggerRow, 'receivedAt'> & { receivedAt: string | Date }>(
    db,
    sql`select m.status, m."receivedAt", m.type, m.event, m."userKey", m."groupId", m."accountId", m."messageId", m.field, m.reason, m.excerpt, k.name as "keyName", a.name as "accountName" from (
          (select 'accepted' as status, received_at as "receivedAt", key_id, type, event, user_key as "userKey", group_id as "groupId", account_id as "accountId",
             message_id as "messageId", null as field, null as reason, null as excerpt
           from usage_events order by received_at desc limit ${limit})
          union all
          (select 'rejected', received_at, key_id, type, null, null, null, null, message_id, field, reason, excerpt
           from ingest_rejections order by received_at desc limit ${limit})
        ) m
        left join write_keys k on k.id = m.key_id
        left join accounts a on a.id = m."accountId"
        order by m."receivedAt" desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt) }));
}

/** Groups sent that name no known account yet: their events wait, and are attributed when the account appears. */
export async function unattributedGroups(db: DbOrTx, limit = 20): Promise<{ groupId: string; events: number; lastAt: Date }[]> {
  const rows = await queryRows<{ groupId: string; events: number; lastAt: string | Date }>(
    db,
    sql`select group_id as "groupId", count(*)::int as events, max(received_at) as "lastAt"
        from usage_events where account_id is null and group_id is not null
        group by group_id order by max(received_at) desc limit ${limit}`,
  );
  return rows.map((r) => ({ groupId: r.groupId, events: Number(r.events), lastAt: new Date(r.lastAt) }));
}
