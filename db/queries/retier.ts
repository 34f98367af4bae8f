import { sql } from 'drizzle-orm';
import type { TierPolicy } from '@/lib/tiering/policy';
import { queryRows, type DbOrTx } from '../client';
import { tieringSelect } from './tier-sql';

export type MoveCount = { fromTier: number; toTier: number; count: number };
export type MovedAccount = { id: number; name: string; ownerName: string | null; fromTier: number; toTier: number; ltv: string | null };

export const previewListLimit = 500;

/**
 * What applying `policy` would do: a from → to matrix over every account, and
 * the accounts that move. Only the columns used are selected from the tiering,
 * so PostgreSQL skips building every account's reason.
 */
export async function previewRetier(db: DbOrTx, policy: Omit<TierPolicy, 'version'>, today: string) {
  const rows = await queryRows<{ id: number; name: string; owner_name: string | null; from_tier: number; to_tier: number; ltv: string | null; total: number; moved: number; from_n: number }>(
    db,
    sql`
    with t as (select id, current_tier, new_tier, ltv from (${tieringSelect(policy, today)}) s),
    m as (select current_tier, new_tier, count(*)::int as n from t group by 1, 2)
    select 'm' as kind, null::int as id, null::text as name, null::text as owner_name, current_tier as from_tier, new_tier as to_tier, null::text as ltv, n as total, 0 as moved, 0 as from_n from m
    union all
    (select 'a', t.id, a.name, u.name, t.current_tier, t.new_tier, t.ltv::text, 0, 0, 0
      from t join accounts a on a.id = t.id left join users u on u.id = a.owner_id
      where t.current_tier <> t.new_tier
      order by abs(t.current_tier - t.new_tier) desc, t.ltv desc nulls last, a.name
      limit ${previewListLimit})`,
  );
  const matrix: MoveCount[] = [];
  const moved: MovedAccount[] = [];
  for (const r of rows) {
    if (r.id === null) matrix.push({ fromTier: r.from_tier, toTier: r.to_tier, count: r.total });
    else moved.push({ id: r.id, name: r.name, ownerName: r.owner_name, fromTier: r.from_tier, toTier: r.to_tier, ltv: r.ltv });
  }
  const movedCount = matrix.filter((m) => m.fromTier !== m.toTier).reduce((s, m) => s + m.count, 0);
  return { matrix, moved, movedCount };
}

/**
 * Re-tiers every account under `policy` in one statement, writing a history
 * row for each account whose tier changes. Call inside the transaction that
 * stores the policy version.
 */
export async function applyRetier(db: DbOrTx, policy: TierPolicy, today: string, actorId: number): Promise<number> {
  const [row] = await queryRows<{ moved: number }>(
    db,
    sql`
    with t as (${tieringSelect(policy, today)}),
    upd as (
      update accounts a set ltv = t.ltv, computed_tier = t.computed_tier, tier = t.new_tier, tier_source = t.new_source::tier_source, tier_reason = t.reason, version = a.version + 1
      from t
      where a.id = t.id and (a.ltv is distinct from t.ltv or a.computed_tier <> t.computed_tier or a.tier <> t.new_tier or a.tier_source::text <> t.new_source or a.tier_reason <> t.reason)
      returning a.id, t.current_tier, t.new_tier, t.reason
    ),
    hist as (
      insert into tier_history (account_id, actor_id, kind, from_tier, to_tier, reason, policy_version)
      select id, ${actorId}, 'policy', current_tier, new_tier, reason, ${policy.version} from upd where current_tier <> new_tier
      returning 1
    )
    select count(*)::int as moved from hist`,
  );
  return row?.moved ?? 0;
}

/** Accounts per owner (null: nobody) and the tier they would have under `policy`: a what-if's books after new thresholds. */
export async function retierBooks(db: DbOrTx, policy: Omit<TierPolicy, 'version'>, today: string) {
  const rows = await queryRows<{ ownerId: number | null; tier: number; accounts: number }>(
    db,
    sql`select a.owner_id as "ownerId", t.new_tier as tier, count(*)::int as accounts
        from (${tieringSelect(policy, today)}) t join accounts a on a.id = t.id
        group by 1, 2`,
  );
  return rows.map((r) => ({ ownerId: r.ownerId, tier: Number(r.tier), accounts: Number(r.accounts) }));
}
