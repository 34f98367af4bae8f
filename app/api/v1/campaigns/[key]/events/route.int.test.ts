import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { insertCampaign } from '@/db/queries/campaigns';
import { insertContact } from '@/db/queries/contacts';
import { insertWriteKey, revokeWriteKey } from '@/db/queries/write-keys';
import { campaignEvents, touches } from '@/db/schema';
import { maxBatchBytes } from '@/lib/signals/message';
import { newWriteKey } from '@/lib/signals/write-key';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { POST } from './route';

// The campaign events API, called as a sending tool's pipeline calls it.

const tag = () => randomBytes(4).toString('hex');
let key = '';
let adminId = 0;

async function makeKey(ratePerMinute = 6000) {
  const made = newWriteKey();
  const id = await insertWriteKey(await getDb(), { name: `Campaign test ${tag()}`, prefix: made.prefix, hash: made.hash, ratePerMinute, createdBy: adminId });
  return { id, key: made.key };
}

async function makeCampaign() {
  return (await insertCampaign(await getDb(), { key: `tour-${tag()}`, name: `Tour ${tag()}`, channel: 'product_tour', tool: 'pendo', audience: 'tier=3', startsOn: '2026-10-01' }))!;
}

function send(campaignKey: string, body: unknown, o: { key?: string | null; raw?: BodyInit; gzip?: boolean } = {}) {
  const k = o.key === undefined ? key : o.key;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (k !== null) headers.authorization = `Bearer ${k}`;
  let payload: BodyInit = o.raw ?? JSON.stringify(body);
  if (o.gzip) {
    headers['content-encoding'] = 'gzip';
    payload = gzipSync(payload as string);
  }
  return POST(new Request(`http://localhost/api/v1/campaigns/${campaignKey}/events`, { method: 'POST', headers, body: payload }), { params: Promise.resolve({ key: campaignKey }) });
}

beforeAll(async () => {
  adminId = (await createUser('admin')).id;
  key = (await makeKey()).key;
});

describe('POST /api/v1/campaigns/{key}/events', () => {
  it('records events matched by contact email or account, once however often they are sent, with a touch per delivery', async () => {
    const db = await getDb();
    const c = await makeCampaign();
    const account = await createAccount({ externalId: `EXT-${tag()}` });
    const email = `aiko-${tag()}@example.jp`;
    const contactId = await insertContact(db, { accountId: account.id, name: 'Aiko', email, roles: [] });
    const body = {
      events: [
        { email: email.toUpperCase(), outcome: 'delivered', timestamp: '2026-11-02T09:00:00+09:00' },
        { account: account.externalId, outcome: 'completed', timestamp: '2026-11-02T10:00:00+09:00' },
        { email: 'stranger@nowhere.invalid', outcome: 'opened', timestamp: '2026-11-02T10:00:00Z' },
        { email, outcome: 'forwarded', timestamp: '2026-11-02T10:00:00Z' },
      ],
    };
    const first = await send(c.key, body, { gzip: true });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      success: true,
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 2, field: 'email', reason: 'matches no contact or account' },
        { index: 3, field: 'outcome', reason: 'must be one of delivered, opened, clicked, bounced, unsubscribed, completed' },
      ],
    });
    const again = await send(c.key, body);
    expect(await again.json()).toMatchObject({ success: true, accepted: 2, duplicates: 2 });
    const stored = await db.select({ contactId: campaignEvents.contactId, outcome: campaignEvents.outcome, source: campaignEvents.source }).from(campaignEvents).where(eq(campaignEvents.campaignId, c.id));
    expect(stored.sort((a, b) => a.outcome.localeCompare(b.outcome))).toEqual([
      { contactId: null, outcome: 'completed', source: 'api' },
      { contactId, outcome: 'delivered', source: 'api' },
    ]);
    expect(await db.select({ kind: touches.kind }).from(touches).where(eq(touches.accountId, account.id))).toEqual([{ kind: 'campaign_delivered' }]);
  });

  it('accepts one event as the whole body', async () => {
    const c = await makeCampaign();
    const account = await createAccount();
    const res = await send(c.key, { account: account.domain, outcome: 'delivered', timestamp: '2026-11-02T00:00:00Z' });
    expect(await res.json()).toEqual({ success: true, accepted: 1, duplicates: 0, rejected: [] });
  });

  it('answers as the ingestion API does: 401 without or with a revoked key, 429 over the rate, 404 for an unknown campaign', async () => {
    const c = await makeCampaign();
    const event = { account: 'x.example', outcome: 'delivered', timestamp: '2026-11-02T00:00:00Z' };
    const none = await send(c.key, event, { key: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    expect(await none.json()).toMatchObject({ success: false });

    const revoked = await makeKey();
    await revokeWriteKey(await getDb(), revoked.id, adminId);
    expect((await send(c.key, event, { key: revoked.key })).status).toBe(401);
    expect((await send(c.key, event, { key: newWriteKey().key })).status).toBe(401);

    const slow = await makeKey(1);
    expect((await send(c.key, event, { key: slow.key })).status).toBe(200);
    const limited = await send(c.key, event, { key: slow.key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    const missing = await send('no-such-campaign', event);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toContain('no-such-campaign');
  });

  it('refuses a body that is too large, not JSON, not an object or with events that are not a list', async () => {
    const c = await makeCampaign();
    const big = JSON.stringify({ events: [{ note: 'x'.repeat(maxBatchBytes) }] });
    expect((await send(c.key, null, { raw: big })).status).toBe(413);
    expect((await send(c.key, null, { raw: '{"events": [' })).status).toBe(400);
    expect((await send(c.key, [1, 2])).status).toBe(400);
    const notList = await send(c.key, { events: 'delivered' });
    expect(notList.status).toBe(400);
    expect(await notList.json()).toEqual({ success: false, error: '"events" must be an array of events.' });
    expect((await send(c.key, null, { raw: 'x', gzip: false, key })).status).toBe(400);
  });
});
