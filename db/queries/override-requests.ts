import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';
import { accounts, tierOverrideRequests, users } from '../schema';

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

const columns = {
  id: tierOverrideRequests.id,
  accountId: tierOverrideRequests.accountId,
  accountName: accounts.name,
  currentTier: accounts.tier,
  requestedTier: tierOverrideRequests.requestedTier,
  reason: tierOverrideRequests.reason,
  until: tierOverrideRequests.until,
  createdAt: tierOverrideRequests.createdAt,
  requesterName: requester.name,
};

/** What a manager weighs a request against: the account's value and its computed tier with the reason. */
const accountColumns = {
  arr: accounts.arr,
  ltv: accounts.ltv,
  computedTier: accounts.computedTier,
  tierReason: accounts.tierReason,
};

export async function listPendingRequests(db: DbOrTx) {
  return db
    .select({ ...columns, ...accountColumns })
    .from(tierOverrideRequests)
    .innerJoin(accounts, eq(accounts.id, tierOverrideRequests.accountId))
    .innerJoin(requester, eq(requester.id, tierOverrideRequests.requestedBy))
    .where(eq(tierOverrideRequests.status, 'pending'))
    .orderBy(asc(tierOverrideRequests.createdAt));
}

export async function pendingRequestFor(db: DbOrTx, accountId: number) {
  const [row] = await db
    .select(columns)
    .from(tierOverrideRequests)
    .innerJoin(accounts, eq(accounts.id, tierOverrideRequests.accountId))
    .innerJoin(requester, eq(requester.id, tierOverrideRequests.requestedBy))
    .where(and(eq(tierOverrideRequests.accountId, accountId), eq(tierOverrideRequests.status, 'pending')));
  return row;
}

/** How many requests wait for a decision (the navigation's count). */
export async function countPendingRequests(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tierOverrideRequests).where(eq(tierOverrideRequests.status, 'pending'));
  return row?.n ?? 0;
}

/** The latest decisions, newest first: who decided what, when and why. */
export async function listDecidedRequests(db: DbOrTx, limit = 30) {
  return db
    .select({ ...columns, status: tierOverrideRequests.status, decidedAt: tierOverrideRequests.decidedAt, decisionNote: tierOverrideRequests.decisionNote, deciderName: decider.name })
    .from(tierOverrideRequests)
    .innerJoin(accounts, eq(accounts.id, tierOverrideRequests.accountId))
    .innerJoin(requester, eq(requester.id, tierOverrideRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, tierOverrideRequests.decidedBy))
    .where(ne(tierOverrideRequests.status, 'pending'))
    .orderBy(desc(tierOverrideRequests.decidedAt), desc(tierOverrideRequests.id))
    .limit(limit);
}
