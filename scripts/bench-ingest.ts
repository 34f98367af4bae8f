// npm run bench:ingest — with DATABASE_URL naming a local PostgreSQL server
// and a production build (`npx next build`). On touchplan_bench (100,000
// accounts; `npm run bench:pages` or `bench:coverage` leave it), `next start`
// receives 200 batches of 500 track events (100,000 events, random accounts
// and users, the last 24 hours) through POST /api/v1/batch, 2 at a time (one
// per core of the bench machine; --concurrency to change), then the first 40
// batches again. Checks nothing was lost and the repeats changed nothing;
// prints events a second and the batches' latency. (Health's recompute:
// npm run bench:health.)
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, queryRows } from '@/db/client';
import { insertWriteKey } from '@/db/queries/write-keys';
import { newWriteKey } from '@/lib/signals/write-key';
import { currentHealthModel, recordHealthRun } from '@/db/queries/health-read';
import { getWorkspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { localServerUrl } from './bench/database';
import { ms, percentile, printTable, type Result } from './bench/measure';
import { benchUrl, ensureBenchData } from './bench/pages/data';
import { startServer } from './bench/pages/server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3311' }, batches: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '2' } } });
const batchCount = Number(values.batches);
const concurrency = Number(values.concurrency);
const batchSize = 500;

async function main() {
  const server = localServerUrl(process.env.DATABASE_URL);
  await ensureBenchData(server);
  const url = benchUrl(server).toString();
  // The app's own client (snake_case columns, its pool settings), on the bench database.
  process.env.DATABASE_URL = url;
  const db = await getDb();
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users order by id limit 1`);
  const made = newWriteKey();
  await insertWriteKey(db, { name: `bench ${new Date().toISOString()}`, prefix: made.prefix, hash: made.hash, ratePerMinute: 1_000_000, createdBy: admin!.id });
  const domains = (await queryRows<{ domain: string }>(db, sql`select domain from accounts order by random() limit 20000`)).map((r) => r.domain);
  const run = randomBytes(4).toString('hex');
  const now = Date.now();
  const events = ['Logged In', 'Report Exported', 'Dashboard Shared', 'Workflow Created', 'Ticket Opened'];
  const bodies = Array.from({ length: batchCount }, (_, b) =>
    JSON.stringify({
      batch: Array.from({ length: batchSize }, (_, i) => {
        const n = b * batchSize + i;
        const domain = domains[n % domains.length]!;
        return {
          type: 'track',
          messageId: `bench-${run}-${n}`,
          userId: `${domain}-u${n % 7}`,
          event: events[n % events.length],
          properties: { plan: 'pro', seats: n % 50 },
          context: { groupId: domain },
          timestamp: new Date(now - (n % 86_400) * 1000).toISOString(),
        };
      }),
    }),
  );

  // Steady state: today's whole health run counts as done, so the server's minute job only follows the ingested accounts.
  const model = await currentHealthModel(db);
  const workspace = await getWorkspace(db);
  await recordHealthRun(db, { day: todayIn(workspace.timeZone), modelVersion: model.version, accounts: 0, startedAt: new Date() });
  const app = await startServer(url, Number(values.port));
  const auth = `Basic ${Buffer.from(`${made.key}:`).toString('base64')}`;
  const post = async (body: string) => {
    const started = performance.now();
    const res = await fetch(`${app.baseUrl}/api/v1/batch`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { accepted?: number; duplicates?: number; rejected?: unknown[] };
    if (res.status !== 200 || json.rejected?.length) throw new Error(`batch refused: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return { ms: performance.now() - started, duplicates: json.duplicates ?? 0 };
  };
  const sendAll = async (list: string[]) => {
    const times: number[] = [];
    let duplicates = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < list.length) {
          const r = await post(list[next++]!);
          times.push(r.ms);
          duplicates += r.duplicates;
        }
      }),
    );
    return { wall: performance.now() - started, times, duplicates };
  };
  try {
    await sendAll(bodies.slice(0, 4)); // warm the route
    const first = await sendAll(bodies.slice(4));
    const again = await sendAll(bodies.slice(0, 40));
    const [{ stored }] = (await queryRows<{ stored: number }>(db, sql`select count(*)::int as stored from usage_events where message_id like ${`bench-${run}-%`}`)) as [{ stored: number }];
    const sent = (batchCount - 4) * batchSize;
    const perSecond = Math.round(sent / (first.wall / 1000));
    app.stop();
    const results: Result[] = [
      { name: `ingestion: ${sent} events in batches of ${batchSize}, ${concurrency} at a time`, target: '≥ 5,000 events/s', figures: `${perSecond} events/s (${ms(first.wall)})`, ok: perSecond >= 5000 },
      { name: 'batch latency', target: 'p95 ≤ 250 ms', figures: `p50 ${ms(percentile(first.times, 50))} · p95 ${ms(percentile(first.times, 95))} · max ${ms(Math.max(...first.times))}`, ok: percentile(first.times, 95) <= 250 },
      { name: 'nothing lost', target: `${batchCount * batchSize} stored`, figures: String(stored), ok: stored === batchCount * batchSize },
      { name: '40 batches sent again', target: '20,000 duplicates, nothing stored', figures: `${again.duplicates} duplicates`, ok: again.duplicates === 40 * batchSize },
    ];
    printTable(results);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    app.stop();
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
