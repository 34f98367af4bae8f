import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { recentMessages } from '@/db/queries/ingest';
import { rollUpUsage } from '@/db/queries/usage-rollup';
import { insertWriteKey, revokeWriteKey } from '@/db/queries/write-keys';
import { usageEvents, usageUsers } from '@/db/schema';
import { newWriteKey } from '@/lib/signals/write-key';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { POST } from './route';

// The Segment-compatible ingestion API, called as a pipeline calls it.

let key = '';
let adminId = 0;
const tag = () => randomBytes(4).toString('hex');

async function makeKey(ratePerMinute = 6000) {
  const made = newWriteKey();
  const id = await insertWriteKey(await getDb(), { name: `Test ${tag()}`, prefix: made.prefix, hash: made.hash, ratePerMinute, createdBy: adminId });
  return { id, key: made.key };
}

function send(kind: string, body: unknown, o: { key?: string | null; basic?: boolean; gzip?: boolean; raw?: BodyInit } = {}) {
  const k = o.key === undefined ? key : o.key;
  const headers: Record<string, string> = { 'content-type': 'text/plain' };
  if (k !== null) headers.authorization = o.basic === false ? `Bearer ${k}` : `Basic ${Buffer.from(`${k}:`).toString('base64')}`;
  let payload: BodyInit = o.raw ?? JSON.stringify(body);
  if (o.gzip) {
    headers['content-encoding'] = 'gzip';
    payload = gzipSync(typeof payload === 'string' ? payload : Buffer.from(payload as ArrayBuffer));
  }
  return POST(new Request(`http://localhost/api/v1/${kind}`, { method: 'POST', headers, body: payload }), { params: Promise.resolve({ kind }) });
}

const eventsOf = async (messageId: string) => (await getDb()).select().from(usageEvents).where(eq(usageEvents.messageId, messageId));

beforeAll(async () => {
  adminId = (await createUser('admin')).id;
  key = (await makeKey()).key;
});

describe('POST /api/v1/track', () => {
  it('stores an event for the account its group names (external id or domain), with Basic or Bearer', async () => {
    const account = await createAccount({ externalId: `EXT-${tag()}` });
    const byId = `m-${tag()}`;
    const res = await send('track', { messageId: byId, userId: 'u-1', event: 'Report Exported', properties: { rows: 10 }, context: { groupId: account.externalId } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, accepted: 1, duplicates: 0, rejected: [] });
    expect(await eventsOf(byId)).toEqual([expect.objectContaining({ type: 'track', event: 'Report Exported', userKey: 'u-1', accountId: account.id, properties: { rows: 10 } })]);

    const byDomain = `m-${tag()}`;
    expect((await send('track', { messageId: byDomain, userId: 'u-1', event: 'Logged In', context: { groupId: account.domain.toUpperCase() } }, { basic: false })).status).toBe(200);
    expect((await eventsOf(byDomain))[0]?.accountId).toBe(account.id);
  });

  it('accepts a repeated messageId and changes nothing', async () => {
    const id = `m-${tag()}`;
    const message = { messageId: id, userId: 'u-2', event: 'Logged In' };
    await send('track', message);
    expect(await (await send('track', message)).json()).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('attributes an event without a group through the user’s last group, and merges identify traits', async () => {
    const account = await createAccount();
    const user = `u-${tag()}`;
    await send('group', { userId: user, groupId: account.domain, traits: { name: 'ignored here' } });
    await send('identify', { userId: user, traits: { email: 'a@example.jp', plan: 'pro' } });
    await send('identify', { userId: user, traits: { plan: 'enterprise' } });
    const id = `m-${tag()}`;
    await send('track', { messageId: id, userId: user, event: 'Dashboard Viewed' });
    expect((await eventsOf(id))[0]).toMatchObject({ accountId: account.id, groupId: account.domain });
    const [u] = await (await getDb()).select().from(usageUsers).where(eq(usageUsers.userKey, user));
    expect(u).toMatchObject({ accountId: account.id, traits: { email: 'a@example.jp', plan: 'enterprise' } });
  });

  it('keeps events for an unknown group and attributes them when the account appears', async () => {
    const domain = `later-${tag()}.example.jp`;
    const id = `m-${tag()}`;
    await send('track', { messageId: id, userId: 'u-3', event: 'Logged In', context: { groupId: domain } });
    expect((await eventsOf(id))[0]?.accountId).toBeNull();
    const account = await createAccount({ domain });
    expect((await eventsOf(id))[0]?.accountId).toBe(account.id);
    // Rolled up (by the health job) as if it had arrived with the account: the signals' tables and a mark for the health job.
    await rollUpUsage(await getDb());
    const [rolled] = await queryRows<Record<string, number>>(
      await getDb(),
      sql`select (select sum(events)::int from usage_daily where account_id = ${account.id}) as daily,
        (select sum(events)::int from usage_account_days where account_id = ${account.id}) as days,
        (select count(*)::int from usage_account_users where account_id = ${account.id} and user_key = 'u-3') as users,
        (select count(*)::int from usage_last_events where account_id = ${account.id} and event = 'Logged In') as last,
        (select count(*)::int from health_dirty where account_id = ${account.id}) as marked`,
    );
    expect(rolled).toEqual({ daily: 1, days: 1, users: 1, last: 1, marked: 1 });
  });

  it('attributes them when an existing account takes the group as its domain, and not on an update that leaves the domain alone', async () => {
    const account = await createAccount({ domain: `before-${tag()}.example.jp` });
    const domain = `after-${tag()}.example.jp`;
    const id = `m-${tag()}`;
    await send('track', { messageId: id, userId: 'u-4', event: 'Logged In', context: { groupId: domain } });
    await (await getDb()).execute(sql`update accounts set name = name || ' (renamed)' where id = ${account.id}`);
    expect((await eventsOf(id))[0]?.accountId).toBeNull();
    await (await getDb()).execute(sql`update accounts set domain = ${domain} where id = ${account.id}`);
    expect((await eventsOf(id))[0]?.accountId).toBe(account.id);
  });
});

describe('POST /api/v1/batch', () => {
  it('judges each message: stores the valid ones and answers 200 listing the refused ones, kept for the debugger', async () => {
    const ok = `m-${tag()}`;
    const bad = `m-${tag()}`;
    const res = await send('batch', {
      batch: [
        { type: 'track', messageId: ok, userId: 'u-4', event: 'Logged In' },
        { type: 'track', messageId: bad, userId: 'u-4' },
        { type: 'alias', userId: 'u-4' },
        { type: 'track', userId: 'u-4', event: 'Future', timestamp: new Date(Date.now() + 2 * 3600_000).toISOString() },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 1, messageId: bad, field: 'event', reason: 'is required for track: the event’s name' },
        { index: 2, messageId: null, field: 'type', reason: expect.stringContaining('"alias" is not supported') },
        { index: 3, messageId: null, field: 'timestamp', reason: 'is more than an hour ahead of the server’s clock' },
      ],
    });
    expect(await eventsOf(ok)).toHaveLength(1);
    const recent = await recentMessages(await getDb(), 100);
    expect(recent.find((r) => r.messageId === bad)).toMatchObject({ status: 'rejected', field: 'event' });
    expect(recent.find((r) => r.messageId === ok)).toMatchObject({ status: 'accepted', event: 'Logged In' });
  });

  it('reads gzip and backfills into older months', async () => {
    const id = `m-${tag()}`;
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 6);
    const res = await send('batch', { batch: [{ type: 'track', messageId: id, userId: 'u-5', event: 'Logged In', timestamp: old.toISOString() }] }, { gzip: true });
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: [] });
    expect((await eventsOf(id))[0]?.occurredAt).toEqual(old);
  });

  it('answers 400 only for a body that cannot be read as a whole, saying what is wrong', async () => {
    const bodyOf = async (r: Response) => ({ status: r.status, body: await r.json() });
    expect(await bodyOf(await send('batch', null, { raw: '{"batch": [' }))).toEqual({ status: 400, body: { success: false, error: expect.stringContaining('not valid JSON') } });
    expect(await bodyOf(await send('batch', { messages: [] }))).toEqual({ status: 400, body: { success: false, error: 'A batch must have "batch": an array of messages.' } });
    expect((await send('track', [1, 2])).status).toBe(400);
    expect((await send('alias', { userId: 'u' })).status).toBe(404);
  });

  it('refuses a body over 500 KB after decompression (413), and a message over 32 KB on its own', async () => {
    const big = { batch: [{ type: 'track', userId: 'u', event: 'Big', properties: { blob: 'x'.repeat(600 * 1024) } }] };
    expect((await send('batch', big, { gzip: true })).status).toBe(413);
    expect((await send('batch', big)).status).toBe(413);
    expect((await send('track', { userId: 'u', event: 'Big', properties: { blob: 'x'.repeat(40 * 1024) } })).status).toBe(413);
    const res = await send('batch', { batch: [{ type: 'track', userId: 'u', event: 'Big', properties: { blob: 'x'.repeat(40 * 1024) } }] });
    expect(await res.json()).toMatchObject({ accepted: 0, rejected: [{ index: 0, field: 'message' }] });
  });
});

describe('keys and limits', () => {
  it('answers 401 without a key, with an unknown one, or a revoked one', async () => {
    expect((await send('track', { userId: 'u', event: 'X' }, { key: null })).status).toBe(401);
    expect((await send('track', { userId: 'u', event: 'X' }, { key: newWriteKey().key })).status).toBe(401);
    const revoked = await makeKey();
    expect((await send('track', { userId: 'u', event: 'X' }, { key: revoked.key })).status).toBe(200);
    await revokeWriteKey(await getDb(), revoked.id, adminId);
    const res = await send('track', { userId: 'u', event: 'X' }, { key: revoked.key });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ success: false, error: 'This write key is unknown or was revoked.' });
  });

  it('answers 429 with Retry-After past the key’s rate a minute, counted in the database', async () => {
    const limited = await makeKey(2);
    for (let i = 0; i < 2; i++) expect((await send('track', { userId: 'u', event: 'X' }, { key: limited.key })).status).toBe(200);
    const res = await send('track', { userId: 'u', event: 'X' }, { key: limited.key });
    // Unless the minute turned between the calls.
    if (res.status !== 200) {
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    const [{ requests }] = (await queryRows<{ requests: number }>(await getDb(), sql`select sum(requests)::int as requests from ingest_rate where key_id = ${limited.id}`)) as [{ requests: number }];
    expect(requests).toBe(3);
  });
});
