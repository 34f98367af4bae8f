import { createServer } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { insertCampaign } from '@/db/queries/campaigns';
import { insertContact } from '@/db/queries/contacts';
import { saveWebhookSettings, webhookSettings } from '@/db/queries/tech-touches';
import { listAccountTouches, touchPageSize } from '@/db/queries/touches';
import { insertWriteKey } from '@/db/queries/write-keys';
import { alertRules, workspaceSettings } from '@/db/schema';
import { verifySignature, type NudgePayload } from '@/lib/alerts/webhook';
import { newWriteKey } from '@/lib/signals/write-key';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createAccount, setHealthBand } from '@/tests/accounts';
import { createUser, uniqueEmail } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { POST as campaignEvents } from '@/app/api/v1/campaigns/[key]/events/route';
import { TouchesCard } from '@/app/(workspace)/accounts/_components/touches-card';
import { evaluateAlerts } from './alerts';
import { stopJobs } from './jobs';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));

// An alert rule's webhook enrols the account in a campaign (issue 15): the
// signed nudge carries the campaign, the nudge's touch on the timeline says
// which campaign, and the campaign's delivery, reported back by the sending
// tool through the campaign events API, lands in the ledger as a
// campaign_delivered tech touch of the same account.

const tz = 'Asia/Tokyo';
const secret = 'whsec_enrol';
const hits: { body: string; signature: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    hits.push({ body, signature: String(req.headers['x-touchplan-signature']) });
    res.writeHead(204).end();
  });
});

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const db = await getDb();
  await db.insert(workspaceSettings).values({ id: 1, name: 'Enrol', currency: 'JPY', timeZone: tz }).onConflictDoNothing();
  const { version } = await webhookSettings(db);
  expect(await saveWebhookSettings(db, version, { url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/nudges`, secret })).toBe(true);
});

afterAll(async () => {
  await stopJobs();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('an alert nudge that enrols the account in a campaign', () => {
  it('carries the campaign in the signed body, names it on the timeline, and the delivery comes back through the API as a campaign touch', async () => {
    const db = await getDb();
    const admin = await createUser('admin');
    const campaign = (await insertCampaign(db, { key: 'reengage-tour', name: 'Re-engagement tour', channel: 'product_tour', tool: 'pendo', audience: 'tier=3', startsOn: '2026-11-01' }))!;
    const account = (await createAccount({ name: 'Quiet Tier 3' })).id;
    const email = uniqueEmail('yuki');
    await insertContact(db, { accountId: account, name: '鈴木 由紀', email, roles: [], language: 'ja' });
    await setHealthBand(account, 'poor');
    await db.insert(alertRules).values({
      name: 'Poor health tour',
      conditions: [{ kind: 'band_poor' }],
      first: 'tech_touch',
      techChannel: 'webhook',
      techSubject: 'tour-invite',
      techCampaignId: campaign.id,
      escalateAfterDays: null,
      closeAfterDays: 0,
    });

    expect((await evaluateAlerts()).techTouches).toBe(1);
    const ledger = () => queryRows<{ n: number }>(db, sql`select count(*)::int as n from touches where account_id = ${account} and kind = 'alert_nudge'`);
    await waitFor(ledger, (r) => r[0]!.n === 1);
    expect(hits).toHaveLength(1);
    expect(verifySignature(hits[0]!.body, secret, hits[0]!.signature)).toBe(true);
    const payload = JSON.parse(hits[0]!.body) as NudgePayload;
    expect(payload).toMatchObject({ type: 'alert.nudge', account: { id: account }, message: { name: 'tour-invite' } });
    expect(payload.campaign).toEqual({ key: 'reengage-tour', name: 'Re-engagement tour', channel: 'product_tour', tool: 'pendo' });

    // The sending tool reports the delivery under the key the nudge carried (a minute after the nudge left).
    const made = newWriteKey();
    await insertWriteKey(db, { name: 'Pendo pipeline', prefix: made.prefix, hash: made.hash, ratePerMinute: 6000, createdBy: admin.id });
    const res = await campaignEvents(
      new Request(`http://localhost/api/v1/campaigns/${payload.campaign!.key}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${made.key}` },
        body: JSON.stringify({ events: [{ email: payload.contacts[0]!.email, outcome: 'delivered', timestamp: new Date(Date.now() + 60_000).toISOString() }] }),
      }),
      { params: Promise.resolve({ key: payload.campaign!.key }) },
    );
    expect(await res.json()).toEqual({ success: true, accepted: 1, duplicates: 0, rejected: [] });

    const touches = await listAccountTouches(db, account, { page: 1 });
    expect(touches.map((t) => ({ kind: t.kind, model: t.touchModel, nudgeCampaign: t.nudgeCampaign, campaignId: t.campaignId }))).toEqual([
      { kind: 'campaign_delivered', model: 'tech', nudgeCampaign: null, campaignId: campaign.id },
      { kind: 'alert_nudge', model: 'tech', nudgeCampaign: 'Re-engagement tour', campaignId: null },
    ]);
    const text = textOf(await renderToHtml(await TouchesCard({ accountId: account, touches, counts: { tech: 2 }, model: undefined, page: 1, pageSize: touchPageSize, params: {} })));
    expect(text).toContain('Alert nudge: Poor health tour (in-app message), enrolled in Re-engagement tour');
    expect(text).toContain('Campaign: Re-engagement tour delivered (product tour)');

    // The nudge keeps the campaign it enrolled in when the rule later names none.
    await db.update(alertRules).set({ techCampaignId: null }).where(eq(alertRules.name, 'Poor health tour'));
    expect((await listAccountTouches(db, account, { page: 1 })).find((t) => t.kind === 'alert_nudge')).toMatchObject({ nudgeCampaign: 'Re-engagement tour' });
  });

  it('sends no campaign for a webhook rule without one', async () => {
    const db = await getDb();
    const account = (await createAccount({ name: 'Plain nudge' })).id;
    await db.execute(sql`update accounts set lifecycle_stage = 'at_risk' where id = ${account}`);
    await db.insert(alertRules).values({ name: 'At risk nudge', conditions: [{ kind: 'no_activity', days: 1 }], stages: ['at_risk'], first: 'tech_touch', techChannel: 'webhook', techSubject: 'hello', closeAfterDays: 0 });
    const before = hits.length;
    await evaluateAlerts({ now: zonedToUtc('2026-12-10', '09:00', tz) });
    await waitFor(async () => hits.length, (n) => n > before);
    const mine = hits.slice(before).map((h) => JSON.parse(h.body) as NudgePayload).find((p) => p.account?.id === account);
    expect(mine).toMatchObject({ rule: { name: 'At risk nudge' }, campaign: null });
    const [touch] = (await listAccountTouches(db, account, { page: 1 })).filter((t) => t.kind === 'alert_nudge');
    expect(touch).toMatchObject({ nudgeRule: 'At risk nudge', nudgeCampaign: null });
  });
});
