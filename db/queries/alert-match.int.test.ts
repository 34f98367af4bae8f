import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { accountHealth, accounts, accountSignals, eventMappings, healthHistory, usageDaily, usageLastEvents } from '@/db/schema';
import { normalScope, type AlertCondition } from '@/lib/alerts/conditions';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { previewAlertRule } from './alert-match';

// The rule matcher over stored signals and scores (as the health job leaves
// them): each condition, the scope, a combination, and the values shown.

const tz = 'Asia/Tokyo';
const today = todayIn(tz);
const ids: Record<string, number> = {};

async function account(key: string, o: { tier?: 1 | 2 | 3; stage?: 'onboarding' | 'adopting' | 'mature' | 'at_risk'; renewal?: string; seen?: number | null; nps?: number; score?: number; band?: string }) {
  const db = await getDb();
  const a = await createAccount({ name: `Match ${key}`, ...(o.tier === 1 ? { arr: '90000000' } : {}) });
  ids[key] = a.id;
  await db.update(accounts).set({ lifecycleStage: o.stage ?? 'mature', renewalDate: o.renewal ?? null, ...(o.tier ? { tier: o.tier } : {}) }).where(eq(accounts.id, a.id));
  await db.insert(accountSignals).values({ accountId: a.id, day: today, daysSinceSeen: o.seen ?? null, nps: o.nps === undefined ? null : String(o.nps) });
  if (o.score !== undefined) await db.insert(accountHealth).values({ accountId: a.id, day: today, modelVersion: 1, score: o.score, band: o.band ?? (o.score <= 50 ? 'poor' : o.score <= 75 ? 'average' : 'good'), dataShare: '1' });
  return a.id;
}

const match = async (conditions: AlertCondition[], scope = normalScope({})) => {
  const { total, accounts: rows } = await previewAlertRule(await getDb(), { conditions, scope }, today, tz, 500);
  const mine = new Set(Object.values(ids));
  const found = rows.filter((r) => mine.has(r.id));
  return { total, keys: found.map((r) => Object.entries(ids).find(([, id]) => id === r.id)![0]).sort(), values: Object.fromEntries(found.map((r) => [r.id, r.values])) };
};

beforeAll(async () => {
  const db = await getDb();
  await db.insert(eventMappings).values([
    { meaning: 'pricing_view', event: 'Pricing Viewed' },
    { meaning: 'key_feature', event: 'Report Exported' },
    { meaning: 'key_feature', event: 'Dashboard Shared' },
  ]);
  await account('quiet', { seen: 20, score: 30, tier: 3 });
  await account('active', { seen: 1, score: 80 });
  await account('shopper', { seen: 0, score: 70 });
  await account('detractor', { seen: 2, nps: 5, score: 60 });
  await account('promoter', { seen: 2, nps: 9, score: 85 });
  await account('renewing', { seen: 3, score: 45, renewal: addDays(today, 30), tier: 1 });
  await account('onboarding', { seen: 1, stage: 'onboarding', score: 65 });
  await account('falling', { seen: 1, score: 55 });
  await db.insert(usageDaily).values([
    { accountId: ids.shopper!, day: today, event: 'Pricing Viewed', events: 2 },
    { accountId: ids.shopper!, day: addDays(today, -3), event: 'Pricing Viewed', events: 1 },
    { accountId: ids.shopper!, day: addDays(today, -10), event: 'Pricing Viewed', events: 5 },
    { accountId: ids.active!, day: today, event: 'Pricing Viewed', events: 2 },
  ]);
  await db.update(accounts).set({ onboardingStartedOn: addDays(today, -40) }).where(eq(accounts.id, ids.onboarding!));
  await db.insert(usageLastEvents).values([{ accountId: ids.onboarding!, event: 'Report Exported', lastDay: addDays(today, -5) }]);
  await db.insert(healthHistory).values([
    { accountId: ids.falling!, day: addDays(today, -30), modelVersion: 1, score: 80, band: 'good', dataShare: '1' },
    { accountId: ids.active!, day: addDays(today, -30), modelVersion: 1, score: 85, band: 'good', dataShare: '1' },
  ]);
});

describe('previewAlertRule', () => {
  it('finds the accounts each condition holds for, with the values behind it', async () => {
    expect((await match([{ kind: 'no_activity', days: 14 }])).keys).toEqual(['quiet']);
    const shopper = await match([{ kind: 'pricing_views', views: 3, days: 7 }]);
    expect(shopper.keys).toEqual(['shopper']);
    expect(shopper.values[ids.shopper!]).toEqual({ pricingViews: 3 });
    const falling = await match([{ kind: 'health_drop', points: 20, days: 30 }]);
    expect(falling.keys).toEqual(['falling']);
    expect(falling.values[ids.falling!]).toEqual({ score: 55, scoreThen: 80 });
    expect((await match([{ kind: 'band_poor' }])).keys).toEqual(['quiet', 'renewing']);
    const unused = await match([{ kind: 'feature_unused', days: 30 }]);
    expect(unused.keys).toContain('onboarding');
    expect(unused.values[ids.onboarding!]).toMatchObject({ unusedFeatures: ['Dashboard Shared'], onboardingStartedOn: addDays(today, -40) });
    expect((await match([{ kind: 'feature_unused', days: 41 }])).keys).not.toContain('onboarding');
    expect((await match([{ kind: 'renewal_health', days: 60, below: 51 }])).keys).toEqual(['renewing']);
    expect((await match([{ kind: 'renewal_health', days: 20, below: 51 }])).keys).toEqual([]);
    expect((await match([{ kind: 'nps_low', max: 6 }])).keys).toEqual(['detractor']);
  });

  it('needs every condition of a combination, within the rule’s tiers and stages', async () => {
    expect((await match([{ kind: 'band_poor' }, { kind: 'no_activity', days: 14 }])).keys).toEqual(['quiet']);
    expect((await match([{ kind: 'band_poor' }], normalScope({ tiers: [1] }))).keys).toEqual(['renewing']);
    expect((await match([{ kind: 'band_poor' }], normalScope({ stages: ['onboarding'] }))).keys).toEqual([]);
    expect((await match([{ kind: 'feature_unused', days: 30 }], normalScope({ stages: ['onboarding'] }))).keys).toEqual(['onboarding']);
    expect((await match([{ kind: 'feature_unused', days: 30 }], normalScope({ stages: ['mature'] }))).keys).toEqual([]);
    expect((await match([{ kind: 'feature_unused', days: 30 }, { kind: 'no_activity', days: 1 }, { kind: 'health_drop', points: 1, days: 30 }])).keys).toEqual([]);
    expect((await match([{ kind: 'pricing_views', views: 2, days: 7 }, { kind: 'health_drop', points: 1, days: 30 }])).keys).toEqual(['active']);
  });

  it('counts every match, beyond the accounts it lists', async () => {
    const { total, accounts: listed } = await previewAlertRule(await getDb(), { conditions: [{ kind: 'no_activity', days: 0 }], scope: normalScope({}) }, today, tz, 2);
    expect(listed).toHaveLength(2);
    expect(total).toBeGreaterThanOrEqual(8);
  });
});

describe('onboarding start', () => {
  it('is the day the stage became onboarding, kept by the database whatever writes it', async () => {
    const db = await getDb();
    const a = await createAccount({ name: 'Back to onboarding' });
    const [fresh] = await queryRows<{ day: string | null }>(db, sql`select onboarding_started_on::text as day from accounts where id = ${a.id}`);
    expect(fresh!.day).toBeNull();
    await db.update(accounts).set({ lifecycleStage: 'mature' }).where(eq(accounts.id, a.id));
    await db.update(accounts).set({ lifecycleStage: 'onboarding' }).where(eq(accounts.id, a.id));
    const [row] = await queryRows<{ day: string }>(db, sql`select onboarding_started_on::text as day from accounts where id = ${a.id}`);
    expect(row!.day).toBe(today);
  });
});
