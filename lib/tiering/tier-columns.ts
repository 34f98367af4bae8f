import { computeTier, effectiveTier, type Override, type TierInputs, type TierReason } from './compute';
import type { Tier, TierPolicy } from './policy';
import type { TierSource } from '@/lib/vocabulary';

export type TierColumns = {
  ltv: string | null;
  computedTier: Tier;
  tier: Tier;
  tierSource: TierSource;
  tierReason: TierReason;
};

/** The stored, derived tier columns of an account, from its inputs, override and the policy. */
export function tierColumns(inputs: TierInputs, override: Override, policy: TierPolicy, today: string): TierColumns {
  const computed = computeTier(inputs, policy);
  const { tier, source } = effectiveTier(computed.tier, override, today);
  return { ltv: computed.ltv, computedTier: computed.tier, tier, tierSource: source, tierReason: computed.reason };
}
