import 'server-only';
import type { DbOrTx } from '@/db/client';
import { readCampaignStats, saveCampaignStats } from '@/db/queries/campaign-stats';
import { campaignConversionRows, campaignFunnel, type CampaignRow } from '@/db/queries/campaigns';
import { countAudience } from '@/db/queries/content';
import { campaignAudienceFilters } from '@/lib/campaigns/audience';
import type { ConversionRow } from '@/lib/campaigns/conversion';
import { wallClock } from '@/lib/scheduling/zoned';
import type { CampaignOutcome } from '@/lib/vocabulary';

// A campaign page's figures: the funnel by tier, the audience's size and the
// goal conversion rows. Worked out from every event and the audience's goal
// events (seconds at 50,000 deliveries), so they are stored per campaign
// under a stamp: the campaign's version (its audience, goal and window),
// when its events last changed, and the hour in the workspace's zone (goal
// events and accounts move through the day). A view under the same stamp
// reads them; the first view after a change works them out again.

export type CampaignFigures = {
  funnel: { tier: number; outcome: CampaignOutcome; accounts: number }[];
  audience: number;
  conversion: ConversionRow[] | null;
};

type Campaign = Pick<CampaignRow, 'id' | 'version' | 'eventsChangedAt' | 'audience' | 'startsOn' | 'goalEvent' | 'goalWindowDays'>;

export function figuresStamp(c: Pick<Campaign, 'version' | 'eventsChangedAt'>, now: Date, timeZone: string): string {
  const clock = wallClock(now, timeZone);
  return `v${c.version}|${c.eventsChangedAt.toISOString()}|${clock.date}T${clock.time.slice(0, 2)}`;
}

export async function campaignFigures(db: DbOrTx, c: Campaign, timeZone: string, now = new Date()): Promise<{ figures: CampaignFigures; computedAt: Date }> {
  const stamp = figuresStamp(c, now, timeZone);
  const stored = await readCampaignStats<CampaignFigures>(db, c.id, stamp);
  if (stored) return stored;
  const audience = campaignAudienceFilters(c.audience);
  const [funnel, reach, conversion] = await Promise.all([
    campaignFunnel(db, c.id),
    countAudience(db, audience),
    c.goalEvent ? campaignConversionRows(db, { ...c, goalEvent: c.goalEvent }, audience, timeZone) : Promise.resolve(null),
  ]);
  const figures: CampaignFigures = { funnel, audience: reach.accounts, conversion };
  await saveCampaignStats(db, c.id, stamp, figures, now);
  return { figures, computedAt: now };
}
