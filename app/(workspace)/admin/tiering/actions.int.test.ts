import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { currentPolicy, listPolicies } from '@/db/queries/tier-policies';
import { listTierHistory } from '@/db/queries/tier-history';
import { createAccount } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { applyTierPolicy, previewTierPolicy } from './actions';

const policy = (version: number, tier2Threshold = '5000000') => ({
  version,
  tier1Threshold: '50,000,000',
  tier2Threshold,
  lifetimeCapYears: '10',
  raiseForGrowth: 'on',
  raiseForChurnRisk: 'on',
  note: 'Quarterly review',
});

describe('tier policy', () => {
  it.each(['anonymous', 'csm', 'manager'] as const)('preview and apply are refused for %s', async (role) => {
    await signInAs(role === 'anonymous' ? null : await createUser(role));
    for (const call of [previewTierPolicy, applyTierPolicy]) {
      const result = await call(null, policy(1));
      expect(result.ok).toBe(false);
      expect((await lastAudit())?.action).toBe('access.denied');
    }
    expect((await currentPolicy(await getDb())).version).toBe(1);
  });

  it('previews the moves without changing anything, then applies them in one go with history', async () => {
    // 8,000,000 LTV (Tier 2), and 3,200,000 LTV (Tier 3)
    const mid = await createAccount({ arr: '1000000', growthPotential: 'low', churnRisk: 'low' });
    const small = await createAccount({ arr: '400000', growthPotential: 'low', churnRisk: 'low' });
    const admin = await createUser('admin');
    await signInAs(admin);
    const preview = await previewTierPolicy(null, policy(1, '3000000'));
    expect(preview.ok).toBe(true);
    const data = preview.ok ? preview.data : null;
    expect(data?.matrix).toContainEqual({ fromTier: 3, toTier: 2, count: 1 });
    expect(data?.movedCount).toBe(1);
    expect(data?.moved.map((m) => m.id)).toEqual([small.id]);
    expect((await findAccount(await getDb(), small.id))?.tier).toBe(3);

    const applied = await applyTierPolicy(null, policy(1, '3000000'));
    expect(applied).toEqual({ ok: true, data: { version: 2, moved: 1 } });
    expect((await findAccount(await getDb(), small.id))?.tier).toBe(2);
    expect((await findAccount(await getDb(), mid.id))?.tier).toBe(2);
    const [h] = await listTierHistory(await getDb(), small.id);
    expect(h).toMatchObject({ kind: 'policy', fromTier: 3, toTier: 2, policyVersion: 2, actorName: admin.name });
    // Old versions stay readable.
    expect((await listPolicies(await getDb())).map((p) => [p.version, p.tier2Threshold])).toEqual([
      [2, '3000000'],
      [1, '5000000'],
    ]);
    expect((await lastAudit())?.action).toBe('tier_policy.apply');
  });

  it('refuses to apply over a newer version, and a Tier 1 threshold not above Tier 2', async () => {
    await signInAs(await createUser('admin'));
    const { version } = await currentPolicy(await getDb());
    expect((await applyTierPolicy(null, policy(version))).ok).toBe(true);
    expect(await applyTierPolicy(null, policy(version))).toEqual({ ok: false, error: { key: 'errors.conflict' } });
    const bad = await applyTierPolicy(null, { ...policy(version + 1), tier1Threshold: '100' });
    expect(!bad.ok && bad.fieldErrors?.tier1Threshold?.key).toBe('validation.tier1AboveTier2');
  });

  it('keeps an active override on top when re-tiering', async () => {
    const a = await createAccount({ arr: '400000', growthPotential: 'low', churnRisk: 'low' });
    const db = await getDb();
    const { accounts } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    await db.update(accounts).set({ overrideTier: 1, overrideReason: 'x', tier: 1, tierSource: 'override' }).where(eq(accounts.id, a.id));
    await signInAs(await createUser('admin'));
    expect((await applyTierPolicy(null, policy((await currentPolicy(db)).version, '3000000'))).ok).toBe(true);
    expect(await findAccount(db, a.id)).toMatchObject({ tier: 1, computedTier: 2, tierSource: 'override' });
  });

  it('ends an expired override when re-tiering, so tier and tier source agree', async () => {
    const a = await createAccount({ arr: '400000', growthPotential: 'low', churnRisk: 'low' });
    const db = await getDb();
    const { accounts } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    await db.update(accounts).set({ overrideTier: 1, overrideReason: 'x', overrideUntil: '2020-01-01', tier: 1, tierSource: 'override' }).where(eq(accounts.id, a.id));
    await signInAs(await createUser('admin'));
    expect((await applyTierPolicy(null, policy((await currentPolicy(db)).version))).ok).toBe(true);
    expect(await findAccount(db, a.id)).toMatchObject({ tier: 3, tierSource: 'computed', overrideTier: null });
  });
});
