import 'server-only';
import { getDb } from '@/db/client';
import { dropUsagePartitionsBefore, ensureUsagePartitions, pruneIngestion, pruneRollupsBefore } from '@/db/queries/ingest';
import { getWorkspace } from '@/db/queries/workspace';
import { retentionStart } from './ingest';

/**
 * The hourly upkeep of usage events: a partition for every month the
 * retention keeps and the next one, older partitions dropped whole (the
 * retention, without deleting row by row) with their days' roll-ups, and
 * the ingestion's bookkeeping pruned. Running it twice changes nothing.
 */
export async function maintainUsageEvents(now = new Date()): Promise<{ dropped: string[] }> {
  const db = await getDb();
  const workspace = await getWorkspace(db);
  const oldest = retentionStart(now, workspace.eventRetentionMonths);
  const next = new Date(now);
  next.setUTCMonth(next.getUTCMonth() + 1);
  await ensureUsagePartitions(db, oldest, next);
  const dropped = await dropUsagePartitionsBefore(db, oldest);
  await pruneRollupsBefore(db, oldest, workspace.timeZone);
  await pruneIngestion(db);
  return { dropped };
}
