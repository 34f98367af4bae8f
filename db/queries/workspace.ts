import { eq, sql } from 'drizzle-orm';
import type { Closure } from '@/lib/scheduling/working-days';
import type { DbOrTx } from '../client';
import { workspaceSettings } from '../schema';

export type Workspace = {
  name: string;
  currency: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  /** Null: the country of the time zone. */
  holidayCountry: string | null;
  /** Null: the country's default closures. */
  closedDays: Closure[] | null;
  /** Days added to each playbook obligation's due date before it is late. */
  coverageGraceDays: number;
  /** Unit economics, in the workspace currency as exact decimal strings: the loaded cost of a CSM hour… */
  csmHourCost: string;
  /** …and each tier's tooling cost per account per month. */
  tier1ToolingCost: string;
  tier2ToolingCost: string;
  tier3ToolingCost: string;
  /** Cost to serve above this share of ARR (percent) is high-touch on low value. */
  costShareThresholdPct: string;
  eventRetentionMonths: number;
  pulseDays: number;
  isDemo: boolean;
  version: number;
};

// What a workspace looks like before an admin has saved its settings.
export const defaultWorkspace: Workspace = {
  name: 'Touchplan',
  currency: 'JPY',
  timeZone: 'Asia/Tokyo',
  fiscalYearStartMonth: 4,
  holidayCountry: null,
  closedDays: null,
  coverageGraceDays: 0,
  csmHourCost: '0.00',
  tier1ToolingCost: '0.00',
  tier2ToolingCost: '0.00',
  tier3ToolingCost: '0.00',
  costShareThresholdPct: '20.00',
  eventRetentionMonths: 13,
  pulseDays: 30,
  isDemo: false,
  version: 0,
};

const columns = {
  name: workspaceSettings.name,
  currency: workspaceSettings.currency,
  timeZone: workspaceSettings.timeZone,
  fiscalYearStartMonth: workspaceSettings.fiscalYearStartMonth,
  holidayCountry: workspaceSettings.holidayCountry,
  closedDays: workspaceSettings.closedDays,
  coverageGraceDays: workspaceSettings.coverageGraceDays,
  csmHourCost: workspaceSettings.csmHourCost,
  tier1ToolingCost: workspaceSettings.tier1ToolingCost,
  tier2ToolingCost: workspaceSettings.tier2ToolingCost,
  tier3ToolingCost: workspaceSettings.tier3ToolingCost,
  costShareThresholdPct: workspaceSettings.costShareThresholdPct,
  eventRetentionMonths: workspaceSettings.eventRetentionMonths,
  pulseDays: workspaceSettings.pulseDays,
  isDemo: workspaceSettings.isDemo,
  version: workspaceSettings.version,
};

export async function getWorkspace(db: DbOrTx): Promise<Workspace> {
  const [row] = await db.select(columns).from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  return row ?? defaultWorkspace;
}

export const economicsSettings = ['csmHourCost', 'tier1ToolingCost', 'tier2ToolingCost', 'tier3ToolingCost', 'costShareThresholdPct'] as const;

export type WorkspaceInput = Pick<Workspace, 'name' | 'currency' | 'timeZone' | 'fiscalYearStartMonth' | 'holidayCountry' | 'closedDays'> & Partial<Pick<Workspace, 'coverageGraceDays' | 'eventRetentionMonths' | 'pulseDays'>> & Partial<Pick<Workspace, (typeof economicsSettings)[number]>>;

/**
 * Saves the settings if nobody saved them since `version` was read (version 0:
 * never saved). Returns the new row, or null on a conflict.
 */
export async function saveWorkspace(db: DbOrTx, input: WorkspaceInput, version: number): Promise<Workspace | null> {
  if (version === 0) {
    const rows = await db
      .insert(workspaceSettings)
      .values({ id: 1, ...input })
      .onConflictDoNothing()
      .returning(columns);
    return rows[0] ?? null;
  }
  const rows = await db
    .update(workspaceSettings)
    .set({ ...input, version: sql`${workspaceSettings.version} + 1` })
    .where(sql`${workspaceSettings.id} = 1 and ${workspaceSettings.version} = ${version}`)
    .returning(columns);
  return rows[0] ?? null;
}
