import type { Db } from '@/db/client';
import { accountTotals, listAccounts } from '@/db/queries/accounts';
import type { AccountFilters } from '@/lib/accounts/filters';
import { prng } from '@/db/seed-accounts';
import { ms, percentile, timed, type Result } from './measure';

const targetP95Ms = 100;

// What people do on the account list: a CSM's own book, a tier, renewals
// coming up, a search, sorted by the money columns, name or renewal, paging on.
const searches = ['工業', '青葉', 'テクノロジーズ', '関西', 'logi', 'aoba-12', '株式会社', 'musashino', '存在しない会社'];
const sorts = ['arr', 'ltv', 'name', 'renewal'] as const;

export function listQueries(csmIds: number[], count = 60): AccountFilters[] {
  const rand = prng(60);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const f: AccountFilters = { sort: sorts[i % sorts.length], dir: i % 8 < 4 ? 'desc' : 'asc' };
    if (i % 4 === 0) f.q = pick(searches);
    if (rand() < 0.4) f.tiers = pick([[1], [2], [3], [1, 2]]);
    if (rand() < 0.4) f.ownerId = rand() < 0.1 ? 'none' : pick(csmIds);
    if (rand() < 0.25) f.renewalWithinDays = 90;
    if (rand() < 0.1) f.stage = 'at_risk';
    if (rand() < 0.1) f.tierSource = 'override';
    f.page = rand() < 0.5 ? 1 : 2 + Math.floor(rand() * 19);
    return f;
  });
}

/** One page of the account list: the rows and the per-tier totals, fetched together as the page does. */
async function listPage(db: Db, f: AccountFilters) {
  return Promise.all([listAccounts(db, f), accountTotals(db, f)]);
}

export async function measureAccountList(db: Db, csmIds: number[]): Promise<Result> {
  const queries = listQueries(csmIds);
  for (const f of queries.slice(0, 3)) await listPage(db, f); // warm the pool's connections
  const runs: { ms: number; f: AccountFilters }[] = [];
  for (const f of queries) runs.push({ ms: (await timed(() => listPage(db, f))).ms, f });
  const times = runs.map((r) => r.ms);
  const p95 = percentile(times, 95);
  for (const r of [...runs].sort((a, b) => b.ms - a.ms).slice(0, 3)) console.log(`  slowest list query ${ms(r.ms)}: ${JSON.stringify(r.f)}`);
  return {
    name: `account list + totals (${queries.length} queries)`,
    target: `p95 ≤ ${targetP95Ms} ms`,
    figures: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...times))}`,
    ok: p95 <= targetP95Ms,
  };
}
