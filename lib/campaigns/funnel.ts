import type { CampaignChannel, CampaignOutcome } from '@/lib/vocabulary';

// The campaign page's funnel: accounts that reached each step, per tier and
// for all tiers together, from the grouped counts the database gives.

/** The steps in funnel order, then the two ways out, shown apart. */
export const funnelSteps = ['delivered', 'opened', 'clicked', 'completed'] as const satisfies readonly CampaignOutcome[];
export const funnelExits = ['bounced', 'unsubscribed'] as const satisfies readonly CampaignOutcome[];

export type FunnelGroup = { tier: number; counts: Record<CampaignOutcome, number> };

const zero = (): Record<CampaignOutcome, number> => ({ delivered: 0, opened: 0, clicked: 0, completed: 0, bounced: 0, unsubscribed: 0 });

/** One group per tier that has any outcome, in tier order, each with its count of accounts per outcome. */
export function funnelByTier(rows: readonly { tier: number; outcome: CampaignOutcome; accounts: number }[]): FunnelGroup[] {
  const byTier = new Map<number, Record<CampaignOutcome, number>>();
  for (const r of rows) {
    const counts = byTier.get(r.tier) ?? zero();
    counts[r.outcome] += r.accounts;
    byTier.set(r.tier, counts);
  }
  return [...byTier.entries()].sort(([a], [b]) => a - b).map(([tier, counts]) => ({ tier, counts }));
}

/** The rows a campaign's funnel shows: "completed" only for tours (and other channels), or when something was completed all the same. */
export function funnelRowsFor(channel: CampaignChannel, groups: readonly FunnelGroup[]): CampaignOutcome[] {
  const completes = channel === 'product_tour' || channel === 'other' || groups.some((g) => g.counts.completed > 0);
  return [...funnelSteps, ...funnelExits].filter((s) => s !== 'completed' || completes);
}
