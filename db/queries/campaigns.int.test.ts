import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { touches, usageDaily } from '@/db/schema';
import { goalConversion } from '@/lib/campaigns/conversion';
import { createAccount } from '@/tests/accounts';
import { campaignConversionRows, campaignFunnel, deliveredConversionRows, insertCampaign, listAccountCampaignTouches, recordCampaignEvents } from './campaigns';
import { listAccountTouches } from './touches';

const tag = () => randomBytes(4).toString('hex');

async function campaign(values: { goalEvent?: string; goalWindowDays?: number; startsOn?: string } = {}) {
  const c = await insertCampaign(await getDb(), {
    key: `onboarding-${tag()}`,
    name: `Onboarding ${tag()}`,
    channel: 'email_sequence',
    tool: 'hubspot',
    audience: '',
    startsOn: values.startsOn ?? '2026-10-01',
    goalEvent: values.goalEvent ?? null,
    goalWindowDays: values.goalWindowDays ?? 14,
  });
  return c!;
}

describe('recording campaign events', () => {
  it('stores each (recipient, outcome, time) once, with one tech touch per delivery, however often it arrives', async () => {
    const db = await getDb();
    const c = await campaign();
    const a = await createAccount({ arr: '500000' });
    const events = [
      { accountId: a.id, contactId: null, recipient: 'x@a.example', outcome: 'delivered' as const, occurredAt: new Date('2026-10-02T01:00:00Z') },
      { accountId: a.id, contactId: null, recipient: 'x@a.example', outcome: 'opened' as const, occurredAt: new Date('2026-10-02T02:00:00Z') },
      { accountId: a.id, contactId: null, recipient: 'y@a.example', outcome: 'delivered' as const, occurredAt: new Date('2026-10-02T01:00:00Z') },
    ];
    // A repeat inside one request counts once too.
    expect(await recordCampaignEvents(db, c.id, [...events, events[0]!], 'import')).toEqual({ added: 3, delivered: 2 });
    expect(await recordCampaignEvents(db, c.id, events, 'api')).toEqual({ added: 0, delivered: 0 });
    const ledger = await db.select({ kind: touches.kind, model: touches.touchModel }).from(touches).where(eq(touches.accountId, a.id));
    expect(ledger).toEqual([
      { kind: 'campaign_delivered', model: 'tech' },
      { kind: 'campaign_delivered', model: 'tech' },
    ]);
    const [timeline] = await listAccountTouches(db, a.id, { page: 1 });
    expect(timeline).toMatchObject({ kind: 'campaign_delivered', campaignName: c.name, campaignChannel: 'email_sequence' });
    expect(await listAccountCampaignTouches(db, a.id)).toEqual([{ campaignId: c.id, name: c.name, channel: 'email_sequence', deliveries: 2, opened: 1, clicked: 0, completed: 0, bounced: 0, unsubscribed: 0, lastDeliveredAt: new Date('2026-10-02T01:00:00Z') }]);
  });

  it('counts accounts per outcome and tier for the funnel', async () => {
    const db = await getDb();
    const c = await campaign();
    const t3 = await createAccount({ arr: '100000' });
    const other = await createAccount({ arr: '100000' });
    const at = new Date('2026-10-03T00:00:00Z');
    await recordCampaignEvents(
      db,
      c.id,
      [
        { accountId: t3.id, contactId: null, recipient: 'a@x', outcome: 'delivered', occurredAt: at },
        { accountId: t3.id, contactId: null, recipient: 'b@x', outcome: 'delivered', occurredAt: at },
        { accountId: t3.id, contactId: null, recipient: 'a@x', outcome: 'clicked', occurredAt: at },
        { accountId: other.id, contactId: null, recipient: 'c@x', outcome: 'delivered', occurredAt: at },
        { accountId: other.id, contactId: null, recipient: 'c@x', outcome: 'bounced', occurredAt: at },
      ],
      'import',
    );
    const funnel = await campaignFunnel(db, c.id);
    expect(funnel.filter((r) => r.tier === t3.tier).sort((x, y) => x.outcome.localeCompare(y.outcome))).toEqual([
      { tier: t3.tier, outcome: 'bounced', accounts: 1 },
      { tier: t3.tier, outcome: 'clicked', accounts: 1 },
      { tier: t3.tier, outcome: 'delivered', accounts: 2 },
    ]);
  });
});

describe('goal conversion rows', () => {
  it('measures delivered accounts from their first delivery and the audience’s others from the start', async () => {
    const db = await getDb();
    const event = `Report Created ${tag()}`;
    const industry = `Industry ${tag()}`;
    const c = await campaign({ goalEvent: event, goalWindowDays: 7, startsOn: '2026-10-01' });
    const [fast, slow, never, peerYes, peerNo, outside] = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => createAccount({ arr: '100000', industry: n === 6 ? 'Other' : industry })));
    await recordCampaignEvents(
      db,
      c.id,
      [fast!, slow!, never!].map((a) => ({ accountId: a.id, contactId: null, recipient: `account:${a.id}`, outcome: 'delivered' as const, occurredAt: new Date('2026-10-10T03:00:00Z') })),
      'api',
    );
    await db.insert(usageDaily).values([
      // Before the first delivery: not a conversion, but the next one is.
      { accountId: fast!.id, day: '2026-10-05', event, events: 1 },
      { accountId: fast!.id, day: '2026-10-12', event, events: 2 },
      { accountId: slow!.id, day: '2026-10-30', event, events: 1 },
      { accountId: peerYes!.id, day: '2026-10-08', event, events: 1 },
      { accountId: peerNo!.id, day: '2026-10-09', event, events: 1 },
      { accountId: outside!.id, day: '2026-10-02', event, events: 1 },
      { accountId: never!.id, day: '2026-10-11', event: 'Other Event', events: 1 },
    ]);
    const rows = await campaignConversionRows(db, { id: c.id, startsOn: c.startsOn, goalEvent: event, goalWindowDays: 7 }, { industry }, 'Asia/Tokyo');
    const conversion = goalConversion(rows, 7);
    expect(conversion.delivered).toEqual({ accounts: 3, converted: 1, rate: 1 / 3 });
    // peerNo's event on day 8 after the start is outside the 7-day window; `outside` is not in the audience.
    expect(conversion.comparison).toEqual({ accounts: 2, converted: 1, rate: 0.5 });

    const all = await deliveredConversionRows(db, 'Asia/Tokyo');
    expect(goalConversion(all.filter((r) => r.campaignId === c.id), 7).delivered).toEqual(conversion.delivered);
    await db.delete(usageDaily).where(and(eq(usageDaily.event, event)));
  });
});
