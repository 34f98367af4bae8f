import { compareDecimal } from '@/lib/decimal';
import { computeLtv, type LtvInput, type LtvInputs } from './ltv';
import type { Tier, TierPolicy } from './policy';
import type { Level, TierSource } from '@/lib/vocabulary';

export type { Level };

export type TierInputs = LtvInputs & { growthPotential: Level | null; churnRisk: Level | null };

/** Why an account is in its computed tier; stored as JSON and put in words where shown. */
export type TierReason = {
  ltv: string | null;
  missing: LtvInput[];
  baseTier: Tier;
  /** Tier 1 and 2: the threshold met; Tier 3: the Tier 2 threshold it is below. */
  threshold: string;
  raisedBy: 'growth' | 'churnRisk' | null;
};

export type ComputedTier = { ltv: string | null; tier: Tier; reason: TierReason };

/**
 * The tier from LTV against the policy thresholds, then at most one tier up
 * for high growth potential or high churn risk (when the policy turns those
 * modifiers on). Raises never stack and never go above Tier 1. An account
 * whose LTV cannot be computed starts in Tier 3.
 */
export function computeTier(inputs: TierInputs, policy: TierPolicy): ComputedTier {
  const { ltv, missing } = computeLtv(inputs, policy.lifetimeCapYears);
  let baseTier: Tier = 3;
  if (ltv !== null && compareDecimal(ltv, policy.tier1Threshold) >= 0) baseTier = 1;
  else if (ltv !== null && compareDecimal(ltv, policy.tier2Threshold) >= 0) baseTier = 2;
  const raisedBy =
    baseTier === 1
      ? null
      : policy.raiseForGrowth && inputs.growthPotential === 'high'
        ? 'growth'
        : policy.raiseForChurnRisk && inputs.churnRisk === 'high'
          ? 'churnRisk'
          : null;
  const tier = (raisedBy ? baseTier - 1 : baseTier) as Tier;
  const threshold = baseTier === 1 ? policy.tier1Threshold : policy.tier2Threshold;
  return { ltv, tier, reason: { ltv, missing, baseTier, threshold, raisedBy } };
}

export type Override = { tier: Tier; until: string | null } | null;

/** An override wins while it lasts (through its end date, inclusive). */
export function isOverrideActive(override: Override, today: string): boolean {
  return override !== null && (override.until === null || override.until >= today);
}

export function effectiveTier(computed: Tier, override: Override, today: string): { tier: Tier; source: TierSource } {
  return isOverrideActive(override, today) ? { tier: override!.tier, source: 'override' } : { tier: computed, source: 'computed' };
}
