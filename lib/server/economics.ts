import 'server-only';
import type { DbOrTx } from '@/db/client';
import { economicsAccounts, economicsByTier, type EconomicsAccountRow, type EconomicsList, type EconomicsWindow } from '@/db/queries/economics';
import type { Workspace } from '@/db/queries/workspace';
import { accountEconomics, costSettingsOf, tierEconomics, totalEconomics, type CostSettings } from '@/lib/economics/cost';
import type { EconomicsPeriod } from '@/lib/economics/period';
import { addDays } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';

/** A period as dates and as the instants it runs between in the workspace zone (its last day included). */
export function economicsWindow(p: EconomicsPeriod, timeZone: string): EconomicsWindow {
  return { from: p.from, to: p.to, fromAt: zonedToUtc(p.from, '00:00', timeZone), toAt: zonedToUtc(addDays(p.to, 1), '00:00', timeZone) };
}

export type EconomicsAccount = EconomicsAccountRow & ReturnType<typeof accountEconomics>;

/** A list's rows with their cost, share and whether they are over the line, worked out exactly in lib. */
export async function economicsList(db: DbOrTx, w: EconomicsWindow, s: CostSettings, months: number, o: { list: EconomicsList; page?: number; afterId?: number; limit?: number }) {
  const { rows, total } = await economicsAccounts(db, w, s, months, o);
  return { rows: rows.map((r): EconomicsAccount => ({ ...r, ...accountEconomics(r, s, months) })), total };
}

/** The economics page: per tier and in total, and a page of each list. */
export async function economicsOverview(db: DbOrTx, o: { workspace: Workspace; period: EconomicsPeriod; overPage: number; uncaredPage: number }) {
  const w = economicsWindow(o.period, o.workspace.timeZone);
  const s = costSettingsOf(o.workspace);
  const months = o.period.months;
  const [tierRows, over, uncared] = await Promise.all([
    economicsByTier(db, w, s, months),
    economicsList(db, w, s, months, { list: 'over', page: o.overPage }),
    economicsList(db, w, s, months, { list: 'uncared', page: o.uncaredPage }),
  ]);
  const tiers = tierRows.map((t) => ({ ...tierEconomics(t, s, months), over: t.over }));
  return { settings: s, tiers, total: totalEconomics(tiers, months), over, uncared };
}
