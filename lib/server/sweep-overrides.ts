import 'server-only';
import { getDb } from '@/db/client';
import { endExpiredOverrides } from '@/db/queries/tier-history';
import { getWorkspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';

// Overrides with an end date return to the computed tier the day after. Pages
// and exports only read (a GET never writes); saves and re-tiering end them as
// they write, and this sweep ends the rest. It runs as the job
// `sweep-overrides` (lib/server/jobs/registry.ts): at start and every 15
// minutes, on whichever app instance takes it. Running it twice, or on two
// instances at once, ends each override once: the update only touches
// overrides still due, skipping rows another sweep holds.

/** Ends overdue overrides; returns how many ended. */
export async function sweepExpiredOverrides(): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => endExpiredOverrides(tx, todayIn((await getWorkspace(tx)).timeZone)));
}
