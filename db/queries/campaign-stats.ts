import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { campaignStats } from '../schema';

/** A campaign's stored page figures, if they were worked out under `stamp`. */
export async function readCampaignStats<T>(db: DbOrTx, campaignId: number, stamp: string): Promise<{ figures: T; computedAt: Date } | undefined> {
  const [row] = await db.select({ stamp: campaignStats.stamp, figures: campaignStats.figures, computedAt: campaignStats.computedAt }).from(campaignStats).where(eq(campaignStats.campaignId, campaignId));
  return row && row.stamp === stamp ? { figures: row.figures as T, computedAt: row.computedAt } : undefined;
}

/** Stores a campaign's page figures under `stamp`, replacing older ones. */
export async function saveCampaignStats(db: DbOrTx, campaignId: number, stamp: string, figures: unknown, computedAt: Date): Promise<void> {
  await db
    .insert(campaignStats)
    .values({ campaignId, stamp, figures, computedAt })
    .onConflictDoUpdate({ target: campaignStats.campaignId, set: { stamp: sql`excluded.stamp`, figures: sql`excluded.figures`, computedAt: sql`excluded.computed_at` } });
}
