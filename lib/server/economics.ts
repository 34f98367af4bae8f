import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { economicsAccounts, economicsByTier, type EconomicsAccountRow, type EconomicsList, type EconomicsWindow } from '@/db/queries/economics';
import { economicsSnapshot } from '@/db/queries/economics-snapshot';
import { getWorkspace, type Workspace } from '@/db/queries/workspace';
import { accountEconomics, costSettingsOf, tierEconomics, totalEconomics, type CostSettings } from '@/lib/economics/cost';
import { fiscalYearChoices, resolveEconomicsPeriod, type EconomicsPeriod } from '@/lib/economics/period';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';

/** A period as dates and as the instants it runs between in the workspace zone (its last day included). */
export function economicsWindow(p: EconomicsPeriod, timeZone: string): EconomicsWindow {
  return { from: p.from, to: p.to, fromAt: zonedToUtc(p.from, '00:00', timeZone), toAt: zonedToUtc(addDays(p.to, 1), '00:00', timeZone) };
}

/** The snapshot run holding `period`'s per-account inputs, brought up to date first (db/queries/economics-snapshot.ts). */
export async function economicsRun(db: DbOrTx, workspace: Workspace, period: EconomicsPeriod, now?: Date): Promise<number> {
  return (await economicsSnapshot(db, economicsWindow(period, workspace.timeZone), todayIn(workspace.timeZone, now))).runId;
}

/** The minute job's part: the snapshots of the last 12 months and of the current fiscal year, up to date. */
export async function refreshEconomics(now?: Date): Promise<void> {
  const db = await getDb();
  const workspace = await getWorkspace(db);
  const today = todayIn(workspace.timeZone, now);
  const opts = { today, fiscalYearStartMonth: workspace.fiscalYearStartMonth };
  for (const period of [resolveEconomicsPeriod('last12', opts), fiscalYearChoices(today, workspace.fiscalYearStartMonth)[0]!]) await economicsRun(db, workspace, period, now);
}

export type EconomicsAccount = EconomicsAccountRow & ReturnType<typeof accountEconomics>;

/** A list's rows with their cost, share and whether they are over the line, worked out exactly in lib. */
export async function economicsList(db: DbOrTx, runId: number, s: CostSettings, months: number, o: { list: EconomicsList; page?: number; afterId?: number; limit?: number }) {
  const { rows, total } = await economicsAccounts(db, runId, s, months, o);
  return { rows: rows.map((r): EconomicsAccount => ({ ...r, ...accountEconomics(r, s, months) })), total };
}

/** The economics page: per tier and in total, and a page of each list. */
export async function economicsOverview(db: DbOrTx, o: { workspace: Workspace; period: EconomicsPeriod; overPage: number; uncaredPage: number }) {
  const runId = await economicsRun(db, o.workspace, o.period);
  const s = costSettingsOf(o.workspace);
  const months = o.period.months;
  const [tierRows, over, uncared] = await Promise.all([
    economicsByTier(db, runId, s, months),
    economicsList(db, runId, s, months, { list: 'over', page: o.overPage }),
    economicsList(db, runId, s, months, { list: 'uncared', page: o.uncaredPage }),
  ]);
  const tiers = tierRows.map((t) => ({ ...tierEconomics(t, s, months), over: t.over }));
  return { settings: s, tiers, total: totalEconomics(tiers, months), over, uncared };
}
