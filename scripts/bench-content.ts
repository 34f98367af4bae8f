// npm run bench:content — with DATABASE_URL naming a local PostgreSQL server.
// Creates the database touchplan_bench there (dropping an old one), seeds
// 100,000 accounts, 300,000 contacts, 20 library items shared over a year
// with tracked links, opens and their touches, and times the issue-10 paths
// against their targets: sharing an item with an audience of 10,000 contacts
// (≤ 3 s), the account touches card for an account with 1,000 touches
// (≤ 100 ms), and the tracked link redirect over HTTP at 10 concurrent
// (p95 ≤ 20 ms; starts `next start` on --port, default 3401: build first).
// Exits 1 if a target is missed; the database is left for EXPLAIN ANALYZE.
import { parseArgs } from 'node:util';
import { installQueueSchema } from '@/lib/server/jobs/queue';
import { stopJobs } from '@/lib/server/jobs';
import { measureShare, measureTimeline } from './bench/content';
import { measureTrackedLink } from './bench/content-link';
import { seedContent } from './bench/content-seed';
import { localServerUrl } from './bench/database';
import { timed } from './bench/measure';
import { benchUrl } from './bench/pages/data';
import { runBench } from './bench/run';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3401' } } });

runBench(async (db, seeded) => {
  const { ms, value: content } = await timed(() => seedContent(db, seeded.adminId));
  console.log(
    `Seeded ${content.contacts.toLocaleString('en')} contacts, ${content.items.length} items, ${content.recipients.toLocaleString('en')} tracked links ` +
      `and ${content.touches.toLocaleString('en')} touches in ${(ms / 1000).toFixed(1)} s`,
  );
  // The share enqueues its email job as the app does: on this process's queue, in the bench database.
  const url = benchUrl(localServerUrl(process.env.DATABASE_URL)).toString();
  process.env.DATABASE_URL = url;
  await installQueueSchema({ url });
  try {
    const results = [await measureTimeline(db, content.busyAccountId), await measureShare(db, content.items, seeded.adminId)];
    results.push(await measureTrackedLink(db, url, Number(values.port)));
    return results;
  } finally {
    await stopJobs();
  }
});
