import { describe, expect, it } from 'vitest';
import { computeTier, effectiveTier, isOverrideActive, type TierInputs } from './compute';
import { defaultPolicy, type TierPolicy } from './policy';

const policy: TierPolicy = { ...defaultPolicy, version: 3 };
// ARR × 80 % margin × 10 y (churn 10 %) = ARR × 8
const account = (ltv: number, extra: Partial<TierInputs> = {}): TierInputs => ({
  arr: String(ltv / 8),
  grossMarginPct: '80',
  annualChurnPct: '10',
  growthPotential: 'medium',
  churnRisk: 'low',
  ...extra,
});

describe('computeTier', () => {
  it('puts LTV exactly at a threshold in that tier', () => {
    expect(computeTier(account(50_000_000), policy).tier).toBe(1);
    expect(computeTier(account(49_999_992), policy).tier).toBe(2);
    expect(computeTier(account(5_000_000), policy).tier).toBe(2);
    expect(computeTier(account(4_999_992), policy).tier).toBe(3);
  });

  it('explains the tier with the LTV and the threshold', () => {
    expect(computeTier(account(62_400_000), policy).reason).toEqual({
      ltv: '62400000',
      missing: [],
      baseTier: 1,
      threshold: '50000000',
      raisedBy: null,
    });
    expect(computeTier(account(3_100_000), policy).reason).toMatchObject({ baseTier: 3, threshold: '5000000' });
  });

  it('raises one tier for high growth potential or high churn risk', () => {
    expect(computeTier(account(3_100_000, { growthPotential: 'high' }), policy)).toMatchObject({ tier: 2, reason: { baseTier: 3, raisedBy: 'growth' } });
    expect(computeTier(account(8_000_000, { churnRisk: 'high' }), policy)).toMatchObject({ tier: 1, reason: { baseTier: 2, raisedBy: 'churnRisk' } });
  });

  it('never stacks raises and never goes above Tier 1', () => {
    expect(computeTier(account(1_000_000, { growthPotential: 'high', churnRisk: 'high' }), policy)).toMatchObject({
      tier: 2,
      reason: { raisedBy: 'growth' },
    });
    expect(computeTier(account(80_000_000, { growthPotential: 'high', churnRisk: 'high' }), policy)).toMatchObject({
      tier: 1,
      reason: { raisedBy: null },
    });
  });

  it('ignores a modifier the policy turns off', () => {
    const noGrowth = { ...policy, raiseForGrowth: false };
    expect(computeTier(account(1_000_000, { growthPotential: 'high' }), noGrowth).tier).toBe(3);
    expect(computeTier(account(1_000_000, { growthPotential: 'high', churnRisk: 'high' }), noGrowth)).toMatchObject({
      tier: 2,
      reason: { raisedBy: 'churnRisk' },
    });
  });

  it('starts an account with missing inputs in Tier 3, and may still raise it', () => {
    const missing = { ...account(0), arr: null, grossMarginPct: null };
    expect(computeTier(missing, policy)).toMatchObject({ ltv: null, tier: 3, reason: { missing: ['arr', 'grossMarginPct'] } });
    expect(computeTier({ ...missing, churnRisk: 'high' }, policy).tier).toBe(2);
  });
});

describe('overrides', () => {
  const today = '2026-11-22';
  it('win while active, through their end date', () => {
    expect(effectiveTier(3, { tier: 1, until: null }, today)).toEqual({ tier: 1, source: 'override' });
    expect(effectiveTier(3, { tier: 1, until: '2026-11-22' }, today)).toEqual({ tier: 1, source: 'override' });
  });
  it('give way to the computed tier when they end', () => {
    expect(effectiveTier(3, { tier: 1, until: '2026-11-21' }, today)).toEqual({ tier: 3, source: 'computed' });
    expect(isOverrideActive(null, today)).toBe(false);
  });
});
