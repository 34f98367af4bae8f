import 'server-only';
import { getDb } from '@/db/client';
import { tryTransactionLock } from '@/db/queries/locks';
import { endExpiredOverrides } from '@/db/queries/tier-history';
import { getWorkspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';

// Overrides with an end date return to the computed tier the day after. Pages
// and exports only read (a GET never writes); saves and re-tiering end them as
// they write, and this sweep ends the rest, at start and every 15 minutes.
// Every app server runs the timer; a transaction-level
// advisory lock in the database lets one of them do the work each time, so
// nothing depends on one process.

export const sweepEveryMs = 15 * 60_000;

/** Ends overdue overrides unless another server is already doing so; returns how many ended, or null when it left it to the other. */
export async function sweepExpiredOverrides(): Promise<number | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await tryTransactionLock(tx, 'touchplan:sweep-overrides'))) return null;
    return endExpiredOverrides(tx, todayIn((await getWorkspace(tx)).timeZone));
  });
}

export function startOverrideSweep(): void {
  const holder = globalThis as { touchplanSweep?: NodeJS.Timeout };
  if (holder.touchplanSweep) return;
  const sweep = () => sweepExpiredOverrides().catch((e: unknown) => console.error('[sweep-overrides]', e));
  void sweep();
  holder.touchplanSweep = setInterval(sweep, sweepEveryMs);
  holder.touchplanSweep.unref();
}
