export type Tier = 1 | 2 | 3;
export const tiers: readonly Tier[] = [1, 2, 3];

export type TierPolicy = {
  version: number;
  tier1Threshold: string;
  tier2Threshold: string;
  lifetimeCapYears: string;
  raiseForGrowth: boolean;
  raiseForChurnRisk: boolean;
};

// Setup defaults (DOMAIN.md): in the workspace currency.
export const defaultPolicy: Omit<TierPolicy, 'version'> = {
  tier1Threshold: '50000000',
  tier2Threshold: '5000000',
  lifetimeCapYears: '10',
  raiseForGrowth: true,
  raiseForChurnRisk: true,
};

export function isTier(value: unknown): value is Tier {
  return value === 1 || value === 2 || value === 3;
}
