import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { writeHealth } from '@/db/queries/health';
import { rollUpUsage } from '@/db/queries/usage-rollup';
import { currentHealthModel, insertEventMappings, recordHealthRun } from '@/db/queries/health-read';
import { getWorkspace } from '@/db/queries/workspace';
import { insertWriteKey } from '@/db/queries/write-keys';
import { demoCampaignPlan } from '@/db/seed-campaigns';
import { demoMappings, demoUsage, type DemoMessage } from '@/db/seed-usage';
import { todayIn } from '@/lib/dates';
import { newWriteKey } from '@/lib/signals/write-key';
import { addDays } from '@/lib/scheduling/local-date';
import { ingest } from './ingest';
import { historyDays } from './health-days';

// The demo's product usage, made through the real pipeline: a write key
// (as an admin makes one), the event mapping, then every generated message
// posted to the ingestion API in batches of 500 as Segment would, and the
// health of every account worked out over the 90 days from the rollups.
// Nothing is inserted as a finished number. No `server-only`: the seed
// script runs it.

const keyName = 'Demo pipeline (Segment)';

export async function seedDemoUsage(db: Db, log: (line: string) => void = () => {}): Promise<{ messages: number; accepted: number } | null> {
  const [done] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from write_keys where name = ${keyName}`);
  if (Number(done?.n ?? 0) > 0) return null;
  const workspace = await getWorkspace(db);
  const today = todayIn(workspace.timeZone);
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'admin' order by id limit 1`);
  const made = newWriteKey();
  await insertWriteKey(db, { name: keyName, prefix: made.prefix, hash: made.hash, ratePerMinute: 6000, createdBy: admin!.id });
  await insertEventMappings(db, demoMappings);

  const accounts = await queryRows<{ id: number; domain: string; tier: number; stage: string }>(db, sql`select id, domain, tier, lifecycle_stage as stage from accounts order by id`);
  // The Tier 3 campaigns' goal features: when the accounts that had not used one first did (lib/server/demo-campaigns.ts sends the campaigns).
  const { firstUse } = demoCampaignPlan(accounts.map((a, index) => ({ index, tier: Number(a.tier), stage: a.stage })));
  const messages: DemoMessage[] = accounts.flatMap((a, index) => demoUsage({ index, domain: a.domain, today, timeZone: workspace.timeZone, firstUse: firstUse.get(index) }));
  let accepted = 0;
  for (let i = 0; i < messages.length; i += 500) {
    const batch = messages.slice(i, i + 500);
    const request = new Request('http://demo.invalid/api/v1/batch', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${made.key}:`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    const res = await ingest(db, request, 'batch');
    const body = (await res.json()) as { accepted?: number; rejected?: unknown[]; error?: string };
    if (res.status !== 200 || body.rejected?.length) throw new Error(`The demo's usage was refused (${res.status}): ${JSON.stringify(body).slice(0, 500)}`);
    accepted += body.accepted ?? 0;
  }
  log(`Usage: ${accepted} events from ${accounts.length} accounts sent through the ingestion API`);

  await rollUpUsage(db);
  const model = await currentHealthModel(db);
  const startedAt = new Date();
  await writeHealth(db, { from: addDays(today, -(historyDays - 1)), to: today, today, timeZone: workspace.timeZone, model });
  await recordHealthRun(db, { day: today, modelVersion: model.version, accounts: accounts.length, startedAt });
  await db.execute(sql`delete from health_dirty where marked_at < ${startedAt.toISOString()}::timestamptz`);
  log(`Health: ${accounts.length} accounts scored over ${historyDays} days`);
  return { messages: messages.length, accepted };
}
