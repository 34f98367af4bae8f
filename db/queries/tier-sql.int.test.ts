import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { computeTier } from '@/lib/tiering/compute';
import type { Level } from '@/lib/tiering/compute';
import type { TierPolicy } from '@/lib/tiering/policy';
import { createAccount } from '@/tests/accounts';
import { queryRows } from '../client';
import { tieringSelect } from './tier-sql';
import { sql } from 'drizzle-orm';

// The tier rule exists twice: in lib (per account) and in SQL (set-based).
// Here both run on the same grid of edge cases and must agree exactly.
describe('SQL tiering matches lib/tiering', () => {
  it('on LTV, computed tier and reason for every case', async () => {
    const policies: TierPolicy[] = [
      { version: 9, tier1Threshold: '50000000', tier2Threshold: '5000000', lifetimeCapYears: '10', raiseForGrowth: true, raiseForChurnRisk: true },
      { version: 9, tier1Threshold: '1000', tier2Threshold: '10', lifetimeCapYears: '2.5', raiseForGrowth: false, raiseForChurnRisk: true },
    ];
    const arrs = [null, '0', '0.10', '1', '3', '625000', '6250000', '1234567.89', '99999999999999.99'];
    const margins = [null, '0', '33.33', '50', '80', '100'];
    const churns = [null, '0', '3', '7.5', '10', '40', '100'];
    const levels: [Level | null, Level | null][] = [
      [null, null],
      ['high', 'low'],
      ['low', 'high'],
      ['high', 'high'],
    ];
    const made: { id: number; inputs: Parameters<typeof computeTier>[0] }[] = [];
    let i = 0;
    for (const arr of arrs)
      for (const grossMarginPct of margins)
        for (const annualChurnPct of churns) {
          const [growthPotential, churnRisk] = levels[i++ % levels.length]!;
          const a = await createAccount({ arr, grossMarginPct, annualChurnPct, growthPotential, churnRisk });
          made.push({ id: a.id, inputs: { arr, grossMarginPct, annualChurnPct, growthPotential, churnRisk } });
        }
    const db = await getDb();
    expect((await findAccount(db, made[0]!.id))?.id).toBe(made[0]!.id);
    for (const policy of policies) {
      const rows = await queryRows<{ id: number; ltv: string | null; computed_tier: number; reason: unknown }>(
        db,
        sql`select id, ltv::text as ltv, computed_tier, reason from (${tieringSelect(policy, '2026-11-22')}) t`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const { id, inputs } of made) {
        const expected = computeTier(inputs, policy);
        const got = byId.get(id)!;
        expect({ id, ltv: got.ltv, tier: got.computed_tier, reason: got.reason }).toEqual({ id, ltv: expected.ltv, tier: expected.tier, reason: expected.reason });
      }
    }
  });
});
