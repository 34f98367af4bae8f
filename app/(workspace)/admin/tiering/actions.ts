'use server';

import { applyRetier, previewRetier } from '@/db/queries/retier';
import { currentPolicy, insertPolicy, lockPolicies } from '@/db/queries/tier-policies';
import { endExpiredOverrides } from '@/db/queries/tier-history';
import { workspaceToday } from '@/lib/server/account-write';
import { action } from '@/lib/actions/action';
import { conflictError } from '@/lib/actions/result';
import { tierPolicyInput } from '@/lib/validation/tier-policy';

/** Shows what a policy would do, changing nothing. */
export const previewTierPolicy = action({
  name: 'tier_policy.preview',
  permission: 'tierPolicy.manage',
  input: tierPolicyInput,
  async run({ input, tx }) {
    // Reads only: an override past its end date already counts as ended here.
    return previewRetier(tx, input, await workspaceToday(tx));
  },
});

/** Stores the policy as a new version and re-tiers every account, in one transaction. */
export const applyTierPolicy = action({
  name: 'tier_policy.apply',
  permission: 'tierPolicy.manage',
  input: tierPolicyInput,
  revalidate: ['/accounts', '/admin/tiering'],
  async run({ user, input, tx, audit }) {
    await lockPolicies(tx);
    const before = await currentPolicy(tx);
    if (before.version !== input.version) throw conflictError();
    const today = await workspaceToday(tx);
    await endExpiredOverrides(tx, today);
    const { note } = input;
    const policy = {
      version: before.version + 1,
      tier1Threshold: input.tier1Threshold,
      tier2Threshold: input.tier2Threshold,
      lifetimeCapYears: input.lifetimeCapYears,
      raiseForGrowth: input.raiseForGrowth,
      raiseForChurnRisk: input.raiseForChurnRisk,
    };
    await insertPolicy(tx, { ...policy, note, createdBy: user.id });
    const moved = await applyRetier(tx, policy, today, user.id);
    await audit({ action: 'tier_policy.apply', entity: 'tier_policy', entityId: policy.version, before, after: { ...policy, note, moved } });
    return { version: policy.version, moved };
  },
});
