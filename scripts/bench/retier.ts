import type { Db } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import { applyRetier, previewRetier } from '@/db/queries/retier';
import { currentPolicy, insertPolicy, lockPolicies } from '@/db/queries/tier-policies';
import { endExpiredOverrides } from '@/db/queries/tier-history';
import { getWorkspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { ms, timed, type Result } from './measure';

const previewTargetMs = 1_000;
const applyTargetMs = 5_000;

// Both follow app/(workspace)/admin/tiering/actions.ts step by step, in one
// transaction each, with the production query functions.

/** previewTierPolicy: end overrides past their date, then the from → to matrix under a changed threshold. */
export async function measureRetierPreview(db: Db, runs = 5): Promise<Result> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms: t, value } = await timed(() =>
      db.transaction(async (tx) => {
        const today = todayIn((await getWorkspace(tx)).timeZone);
        await endExpiredOverrides(tx, today);
        const policy = await currentPolicy(tx);
        return previewRetier(tx, { ...policy, tier2Threshold: '4000000' }, today);
      }),
    );
    times.push(t);
    console.log(`  preview ${i + 1}: ${ms(t)}, ${value.movedCount.toLocaleString('en')} accounts would move`);
  }
  return {
    name: `re-tier preview (${runs} runs)`,
    target: `each ≤ ${ms(previewTargetMs)}`,
    figures: times.map((t) => ms(t)).join(', '),
    ok: times.every((t) => t <= previewTargetMs),
  };
}

/** applyTierPolicy: lock, check the version, end expired overrides, store the new version, re-tier, audit. */
export async function measurePolicyApply(db: Db, adminId: number, runs = 3): Promise<Result> {
  const figures: string[] = [];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the thresholds, so each run really moves accounts.
    const change = i % 2 === 0 ? { tier1Threshold: '40000000', tier2Threshold: '4000000' } : { tier1Threshold: '50000000', tier2Threshold: '5000000' };
    const { ms: t, value: moved } = await timed(() =>
      db.transaction(async (tx) => {
        await lockPolicies(tx);
        const before = await currentPolicy(tx);
        const today = todayIn((await getWorkspace(tx)).timeZone);
        await endExpiredOverrides(tx, today);
        const policy = { ...before, ...change, version: before.version + 1 };
        await insertPolicy(tx, { ...policy, note: 'benchmark', createdBy: adminId });
        const moved = await applyRetier(tx, policy, today, adminId);
        await writeAudit(tx, { actorId: adminId, action: 'tier_policy.apply', entity: 'tier_policy', entityId: policy.version, before, after: { ...policy, moved } });
        return moved;
      }),
    );
    times.push(t);
    figures.push(`${ms(t)} (${moved.toLocaleString('en')} moved)`);
    console.log(`  apply ${i + 1}: ${figures[i]}, thresholds ${change.tier1Threshold} / ${change.tier2Threshold}`);
  }
  return {
    name: `policy change applied (${runs} runs)`,
    target: `each ≤ ${ms(applyTargetMs)}`,
    figures: figures.join(', '),
    ok: times.every((t) => t <= applyTargetMs),
  };
}
