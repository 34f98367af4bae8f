import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db/client';
import { healthScore, type HealthComponent } from '@/lib/health/model';
import { scoredCte } from './health';

// The SQL scoring (every account at once) against the plain function of
// lib/health/model.ts, on random signals and random models: anchors in
// either direction, fractional values and weights, missing data.

const measures = ['active_users_30d', 'active_users_7d', 'days_since_seen', 'feature_adoption', 'usage_trend', 'pricing_views_7d', 'tickets_30d', 'nps', 'days_since_human_touch', 'pulse'] as const;

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('scoredCte', () => {
  it('gives the score, band and share of weight with data that lib/health gives', async () => {
    const db = await getDb();
    const next = random(7);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const signals = Array.from({ length: 400 }, (_, i) =>
      Object.fromEntries([['account_id', i + 1], ...measures.map((m) => [m, next() < 0.2 ? null : Math.round((next() * 120 - 20) * 10) / 10])]),
    );
    for (let round = 0; round < 5; round++) {
      const components: HealthComponent[] = Array.from({ length: 2 + Math.floor(next() * 6) }, (_, i) => {
        const low = Math.round(next() * 40);
        const anchors = [low, low + 1 + Math.round(next() * 30), low + 32 + Math.round(next() * 40)];
        const [at0, at50, at100] = next() < 0.5 ? anchors : anchors.reverse();
        return { key: `c${i}`, kind: 'usage', measure: pick(measures), at0: at0!, at50: at50!, at100: at100!, weight: pick([1, 2.5, 3, 10, 15, 33]) };
      });
      const model = { components, poorMax: 40 + round, averageMax: 70 + round };
      const rows = await queryRows<{ account_id: number; score: number | null; band: string | null; data_share: string }>(
        db,
        sql`with sig as (
              select *, current_date as day from jsonb_to_recordset(${JSON.stringify(signals)}::jsonb) as r(account_id int, ${sql.raw(measures.map((m) => `${m} numeric`).join(', '))})
            ), ${scoredCte(model)}
            select account_id, score, band, data_share from scored order by account_id`,
      );
      for (const row of rows) {
        const s = signals[row.account_id - 1]!;
        const expected = healthScore((c) => (s[c.measure] as number | null) ?? null, model);
        expect({ id: row.account_id, score: row.score, band: row.band, share: Number(row.data_share) }).toEqual({
          id: row.account_id,
          score: expected.score,
          band: expected.band,
          share: Math.round(expected.dataShare * 1e4) / 1e4,
        });
      }
    }
  });
});
