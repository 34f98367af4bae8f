import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';
import { accounts, tierOverrideRequests, users } from '../schema';

const requester = alias(users, 'requester');

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

export async function listPendingRequests(db: DbOrTx) {
  return db
    .select(columns)
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
