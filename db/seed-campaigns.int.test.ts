import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { goalConversion } from '@/lib/campaigns/conversion';
import { campaignAudienceFilters } from '@/lib/campaigns/audience';
import { seedDemoCampaigns } from '@/lib/server/demo-campaigns';
import { seedDemoUsage } from '@/lib/server/demo-usage';
import { getDb, queryRows } from './client';
import { campaignConversionRows, campaignFunnel, listCampaigns } from './queries/campaigns';
import { seedDemo } from './seed';
import { demoCampaigns } from './seed-campaigns';

// The whole demo as `npm run db:seed` makes it (accounts, then usage through
// the ingestion API, then the campaigns through the import and the events
// API): about a minute on PGlite.

describe('the demo campaigns', () => {
  let seeded: Awaited<ReturnType<typeof seedDemoCampaigns>>;
  beforeAll(async () => {
    const db = await getDb();
    await seedDemo(db);
    await seedDemoUsage(db);
    seeded = await seedDemoCampaigns(db);
  }, 300_000);

  it('has three Tier 3 campaigns, each delivered to some of its audience and converting more of those it reached', async () => {
    const db = await getDb();
    expect(seeded?.campaigns).toBe(3);
    const list = await listCampaigns(db);
    expect(list.map((c) => c.key).sort()).toEqual(demoCampaigns.map((c) => c.key).sort());
    for (const c of list) {
      const funnel = await campaignFunnel(db, c.id);
      const delivered = funnel.filter((f) => f.outcome === 'delivered');
      expect(delivered.map((f) => f.tier)).toEqual([3]);
      expect(c.deliveredAccounts).toBe(delivered[0]!.accounts);
      const rows = await campaignConversionRows(db, { id: c.id, startsOn: c.startsOn, goalEvent: c.goalEvent!, goalWindowDays: c.goalWindowDays }, campaignAudienceFilters(c.audience), 'Asia/Tokyo');
      const { delivered: reached, comparison } = goalConversion(rows, c.goalWindowDays);
      expect(reached.accounts).toBe(c.deliveredAccounts);
      expect(comparison.accounts).toBeGreaterThan(0);
      expect(reached.converted).toBeGreaterThan(0);
      expect(comparison.converted).toBeGreaterThan(0);
      expect(reached.rate!).toBeGreaterThan(comparison.rate!);
      expect(reached.rate!).toBeLessThan(1);
    }
  });

  it('fed the outcomes through the import (with its record and audit) and the API, a delivery touch for each', async () => {
    const db = await getDb();
    const [facts] = await queryRows<Record<'imported' | 'api' | 'imports' | 'skipped' | 'audits' | 'deliveries' | 'touches' | 'bounced' | 'unsubscribed' | 'completed' | 'keys', number>>(
      db,
      sql`select
        (select count(*)::int from campaign_events where source = 'import') as imported,
        (select count(*)::int from campaign_events where source = 'api') as api,
        (select count(*)::int from campaign_imports) as imports,
        (select sum(skipped)::int from campaign_imports) as skipped,
        (select count(*)::int from audit_log where action in ('campaign.create', 'campaign.import')) as audits,
        (select count(*)::int from campaign_events where outcome = 'delivered') as deliveries,
        (select count(*)::int from touches where kind = 'campaign_delivered') as touches,
        (select count(*)::int from campaign_events where outcome = 'bounced') as bounced,
        (select count(*)::int from campaign_events where outcome = 'unsubscribed') as unsubscribed,
        (select count(*)::int from campaign_events where outcome = 'completed') as completed,
        (select count(*)::int from write_keys where name like 'Demo campaigns%') as keys`,
    );
    expect(facts).toMatchObject({ imports: 2, skipped: 2, audits: 5, keys: 1 });
    expect(facts!.imported).toBeGreaterThan(100);
    expect(facts!.api).toBeGreaterThan(100);
    expect(facts!.touches).toBe(facts!.deliveries);
    expect(facts!.bounced).toBeGreaterThan(0);
    expect(facts!.unsubscribed).toBeGreaterThan(0);
    expect(facts!.completed).toBeGreaterThan(0);
    // Deliveries spread over the past weeks and months, none ahead of now.
    const [spread] = await queryRows<{ weeks: number; future: number }>(
      db,
      sql`select count(distinct date_trunc('week', occurred_at))::int as weeks, count(*) filter (where occurred_at > now())::int as future from campaign_events`,
    );
    expect(spread!.weeks).toBeGreaterThanOrEqual(8);
    expect(spread!.future).toBe(0);
  });

  it('dates Tier 3\'s promise (a campaign every month) from the first campaign\'s start', async () => {
    const db = await getDb();
    const [row] = await queryRows<{ promised: string; started: string }>(
      db,
      sql`select (select to_char((v.created_at at time zone w.time_zone)::date, 'YYYY-MM-DD') from playbook_versions v
                  join playbook_rules r on r.playbook_version_id = v.id and r.touch_kind = 'campaign_delivered' where v.tier = 3) as promised,
                 (select to_char(min(starts_on), 'YYYY-MM-DD') from campaigns) as started
          from workspace_settings w`,
    );
    expect(row!.promised).toBe(row!.started);
  });

  it('adds nothing on a second run', async () => {
    const db = await getDb();
    const count = async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from campaign_events`))[0]!.n;
    const before = await count();
    expect(await seedDemoCampaigns(db)).toBeNull();
    expect(await count()).toBe(before);
  });
});
