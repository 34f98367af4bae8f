import { desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../client';
import type { DbOrTx } from '../client';
import { accounts, tierHistory, users } from '../schema';

export type TierHistoryEntry = typeof tierHistory.$inferInsert;

export async function insertTierHistory(db: DbOrTx, rows: TierHistoryEntry[]): Promise<void> {
  if (rows.length) await db.insert(tierHistory).values(rows);
}

export async function listTierHistory(db: DbOrTx, accountId: number) {
  return db
    .select({
      id: tierHistory.id,
      at: tierHistory.at,
      kind: tierHistory.kind,
      fromTier: tierHistory.fromTier,
      toTier: tierHistory.toTier,
      reason: tierHistory.reason,
      policyVersion: tierHistory.policyVersion,
      actorName: users.name,
    })
    .from(tierHistory)
    .leftJoin(users, eq(users.id, tierHistory.actorId))
    .where(eq(tierHistory.accountId, accountId))
    .orderBy(desc(tierHistory.at), desc(tierHistory.id));
}

/**
 * Ends overrides whose end date has passed: the computed tier returns and the
 * change is written to history. One statement for every account; rows
 * another instance is already ending are skipped, so each ends once.
 */
export async function endExpiredOverrides(db: DbOrTx, today: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`
    with due as (
      select id, tier as from_tier from ${accounts}
      where ${accounts.overrideUntil} is not null and ${accounts.overrideUntil} < ${today}::date
      for update skip locked
    ), upd as (
      update ${accounts} a set tier = a.computed_tier, tier_source = 'computed', override_tier = null,
        override_reason = null, override_until = null, override_by = null, override_at = null, version = a.version + 1
      from due where a.id = due.id
      returning a.id, due.from_tier, a.tier as to_tier
    ), hist as (
      insert into ${tierHistory} (account_id, kind, from_tier, to_tier, reason)
      select id, 'override_ended', from_tier, to_tier, '{}'::jsonb from upd
    )
    select count(*)::int as n from upd`);
  return row?.n ?? 0;
}

export const overrideColumnsCleared = {
  overrideTier: null,
  overrideReason: null,
  overrideUntil: null,
  overrideBy: null,
  overrideAt: null,
};
