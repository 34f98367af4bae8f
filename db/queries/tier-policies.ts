import { desc, eq, sql } from 'drizzle-orm';
import type { TierPolicy } from '@/lib/tiering/policy';
import type { DbOrTx } from '../client';
import { tierPolicies, users } from '../schema';

const columns = {
  version: tierPolicies.version,
  tier1Threshold: tierPolicies.tier1Threshold,
  tier2Threshold: tierPolicies.tier2Threshold,
  lifetimeCapYears: tierPolicies.lifetimeCapYears,
  raiseForGrowth: tierPolicies.raiseForGrowth,
  raiseForChurnRisk: tierPolicies.raiseForChurnRisk,
};

/** The policy in force: the newest version (migrations create version 1). */
export async function currentPolicy(db: DbOrTx): Promise<TierPolicy> {
  const [row] = await db.select(columns).from(tierPolicies).orderBy(desc(tierPolicies.version)).limit(1);
  if (!row) throw new Error('No tier policy: run the migrations.');
  return row;
}

/**
 * Every write that sets an account's tier holds this shared; applying a
 * policy holds it exclusively. So a re-tier never works from a snapshot that
 * misses an edit, override or import committing at the same time.
 */
export async function lockPoliciesShared(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(hashtext('touchplan:tier-policy'))`);
}

/** Locks the policy table for a change, so two admins cannot apply versions at once. */
export async function lockPolicies(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('touchplan:tier-policy'))`);
}

export async function listPolicies(db: DbOrTx) {
  return db
    .select({ ...columns, note: tierPolicies.note, createdAt: tierPolicies.createdAt, createdByName: users.name })
    .from(tierPolicies)
    .leftJoin(users, eq(users.id, tierPolicies.createdBy))
    .orderBy(desc(tierPolicies.version));
}

export async function insertPolicy(db: DbOrTx, policy: TierPolicy & { note: string | null; createdBy: number }) {
  await db.insert(tierPolicies).values(policy);
}
