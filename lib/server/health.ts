import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { writeHealth } from '@/db/queries/health';
import { currentHealthModel, healthMarks, healthRunOf, recordHealthRun, unmarkHealth } from '@/db/queries/health-read';
import { rollUpUsage } from '@/db/queries/usage-rollup';
import { getWorkspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { historyDays } from './health-days';

// Keeps signals and health scores current (db/queries/health.ts): every
// account once a day and whenever the model changes; within a minute, the
// usage queued by ingestion rolled up (db/queries/usage-rollup.ts) and the
// accounts whose usage, touches or pulse changed, from the earliest day that
// changed (events for past days rewrite the history from then), at most
// `historyDays` back.

const marksPerRun = 20_000;

/** Every account's signals and score for today (and the day's history row). */
export async function recomputeAllHealth(opts: { now?: Date } = {}, db?: DbOrTx): Promise<{ accounts: number }> {
  const conn = db ?? (await getDb());
  const startedAt = new Date();
  const workspace = await getWorkspace(conn);
  const today = todayIn(workspace.timeZone, opts.now);
  const model = await currentHealthModel(conn);
  const accounts = await writeHealth(conn, { from: today, to: today, today, timeZone: workspace.timeZone, model });
  await recordHealthRun(conn, { day: today, modelVersion: model.version, accounts, startedAt });
  // Marks older than this run's start were read by it, for today; their past days are still to do.
  return { accounts };
}

/** The minute job: usage queued since the last run rolled up; a whole run when today has none under the current model; then the marked accounts. */
export async function recomputeChangedHealth(opts: { now?: Date } = {}): Promise<{ whole: boolean; accounts: number }> {
  const db = await getDb();
  await rollUpUsage(db);
  const workspace = await getWorkspace(db);
  const today = todayIn(workspace.timeZone, opts.now);
  const model = await currentHealthModel(db);
  const run = await healthRunOf(db, today);
  const whole = !run || run.modelVersion !== model.version;
  if (whole) await recomputeAllHealth(opts, db);
  const marks = await healthMarks(db, marksPerRun);
  const oldest = addDays(today, -(historyDays - 1));
  // One statement per distinct first day (a handful): each rewrites its accounts' days from then to today.
  const byDay = new Map<string, number[]>();
  for (const m of marks) {
    const from = m.fromDay < oldest ? oldest : m.fromDay > today ? today : m.fromDay;
    const ids = byDay.get(from);
    if (ids) ids.push(m.accountId);
    else byDay.set(from, [m.accountId]);
  }
  for (const [from, ids] of byDay) {
    const only = sql`select x::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) x`;
    await writeHealth(db, { accountIds: only, from, to: today, today, timeZone: workspace.timeZone, model });
  }
  await unmarkHealth(db, marks);
  return { whole, accounts: marks.length };
}
