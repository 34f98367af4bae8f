import 'server-only';
import type { Tx } from '@/db/client';
import { plannedAround } from '@/db/queries/activities';
import { currentPlaybooks } from '@/db/queries/playbooks';
import { getWorkspace } from '@/db/queries/workspace';
import { NeedsConfirmation } from '@/lib/actions/result';
import { scheduleWarnings } from '@/lib/scheduling/warnings';
import { zonedToUtc } from '@/lib/scheduling/zoned';

/** The instant a date and time typed by `user` means: their zone, else the workspace's. */
export async function plannedInstant(tx: Tx, user: { timeZone: string | null }, date: string, time: string) {
  const timeZone = user.timeZone ?? (await getWorkspace(tx)).timeZone;
  return { startsAt: zonedToUtc(date, time, timeZone), timeZone };
}

/**
 * Stops with the warnings (past, double-booked, not in the tier's playbook)
 * unless the user confirmed them; the transaction then writes nothing.
 */
export async function confirmWarnings(
  tx: Tx,
  c: { ownerId: number; startsAt: Date; durationMinutes: number; tier: number; activityTypeId: number; confirm: boolean; exceptId?: number },
) {
  if (c.confirm) return;
  const [busy, playbooks] = await Promise.all([
    plannedAround(tx, c.ownerId, c.startsAt, new Date(c.startsAt.getTime() + c.durationMinutes * 60_000), c.exceptId),
    currentPlaybooks(tx),
  ]);
  const playbookTypeIds = playbooks.find((p) => p.tier === c.tier)?.rules.map((r) => r.activityTypeId) ?? [];
  const warnings = scheduleWarnings({ ...c, now: new Date(), ownerBusy: busy, playbookTypeIds });
  if (warnings.length) throw new NeedsConfirmation(warnings.map((w) => ({ key: `activities.warnings.${w}` })));
}
