import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { accounts, users } from '../schema';
import type { AccountFilters } from '@/lib/accounts/filters';
import { accountWhere } from './accounts';
import { alias } from 'drizzle-orm/pg-core';

// The CSV export reads the filtered list in pages keyed by id: each page is
// an index range scan, however deep into 100,000 accounts it is, and only
// one page is in memory at a time.

export const exportBatchSize = 2000;

const overrider = alias(users, 'overrider');

export async function countExportRows(db: DbOrTx, filters: AccountFilters): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(accountWhere(filters));
  return row?.n ?? 0;
}

/** The next page of the filtered accounts after `afterId`, in id order, with what the export writes. */
export async function exportBatch(db: DbOrTx, filters: AccountFilters, afterId: number, limit = exportBatchSize) {
  return db
    .select({
      id: accounts.id,
      externalId: accounts.externalId,
      name: accounts.name,
      domain: accounts.domain,
      industry: accounts.industry,
      employees: accounts.employees,
      arr: accounts.arr,
      grossMarginPct: accounts.grossMarginPct,
      annualChurnPct: accounts.annualChurnPct,
      growthPotential: accounts.growthPotential,
      churnRisk: accounts.churnRisk,
      lifecycleStage: accounts.lifecycleStage,
      renewalDate: accounts.renewalDate,
      ownerEmail: users.email,
      ltv: accounts.ltv,
      tier: accounts.tier,
      tierSource: accounts.tierSource,
      tierReason: accounts.tierReason,
      computedTier: accounts.computedTier,
      overrideReason: accounts.overrideReason,
      overrideUntil: accounts.overrideUntil,
      overriderName: overrider.name,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .leftJoin(overrider, eq(overrider.id, accounts.overrideBy))
    .where(and(accountWhere(filters), gt(accounts.id, afterId)))
    .orderBy(asc(accounts.id))
    .limit(limit);
}

export type ExportRow = Awaited<ReturnType<typeof exportBatch>>[number];
