import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findCampaign, insertCampaign, recordCampaignEvents } from '@/db/queries/campaigns';
import { createAccount } from '@/tests/accounts';
import { campaignFigures } from './campaign-figures';

// The campaign page's figures are stored under a stamp and read back while
// it holds; new events, an edit or the next hour work them out again.

const tz = 'Asia/Tokyo';

describe('campaign figures', () => {
  it('are worked out once, read back under the same stamp, and worked out again after new events or in the next hour', async () => {
    const db = await getDb();
    const tag = Date.now();
    const account = await createAccount();
    const created = (await insertCampaign(db, { key: `figures-${tag}`, name: `Figures ${tag}`, channel: 'email', tool: 'hubspot', audience: '', startsOn: '2026-11-01', goalEvent: null, goalWindowDays: 14 }))!;
    const deliver = (email: string, at: string) =>
      recordCampaignEvents(db, created.id, [{ accountId: account.id, contactId: null, recipient: email, outcome: 'delivered', occurredAt: new Date(at) }], 'api');
    await deliver(`a-${tag}@example.jp`, '2026-11-10T01:00:00Z');
    const now = new Date('2026-11-28T03:10:00Z');
    const campaign = (await findCampaign(db, created.id))!;

    const first = await campaignFigures(db, campaign, tz, now);
    expect(first.figures.funnel).toEqual([{ tier: expect.any(Number), outcome: 'delivered', accounts: 1 }]);
    expect(first.figures.conversion).toBeNull();

    // Under the same stamp the stored figures are read, not worked out: a marked copy comes back.
    await db.execute(sql`update campaign_stats set figures = jsonb_set(figures, '{audience}', '-1') where campaign_id = ${created.id}`);
    expect((await campaignFigures(db, campaign, tz, new Date('2026-11-28T03:50:00Z'))).figures.audience).toBe(-1);

    // The next hour works them out again.
    expect((await campaignFigures(db, campaign, tz, new Date('2026-11-28T04:05:00Z'))).figures.audience).toBeGreaterThan(0);

    // New events move the campaign's stamp: the next view counts them.
    await db.execute(sql`update campaign_stats set figures = jsonb_set(figures, '{audience}', '-1') where campaign_id = ${created.id}`);
    await deliver(`b-${tag}@example.jp`, '2026-11-11T01:00:00Z');
    const after = (await findCampaign(db, created.id))!;
    expect(after.eventsChangedAt.getTime()).toBeGreaterThan(campaign.eventsChangedAt.getTime());
    const again = await campaignFigures(db, after, tz, new Date('2026-11-28T04:10:00Z'));
    expect(again.figures.audience).toBeGreaterThan(0);
    // A repeat of stored events changes nothing, so it keeps the stamp.
    await deliver(`b-${tag}@example.jp`, '2026-11-11T01:00:00Z');
    expect((await findCampaign(db, created.id))!.eventsChangedAt).toEqual(after.eventsChangedAt);
  });
});
