// npm run bench:pages -- --page /accounts --page /accounts/:tier1 --as csm,manager
//
// "Server time" of pages, as page targets are given: the HTTP round trip,
// signed in, over 127.0.0.1, against `next start` on PostgreSQL with the
// benchmark's data, warmed, 200 requests one at a time (or --concurrency N),
// p95; three runs, reported as min / median / max of their p95s, with each
// run's pages a second (requests ÷ the run's wall time).
//
// DATABASE_URL names a local PostgreSQL server: touchplan_bench there is
// reused if it holds the benchmark's data, else created and seeded (minutes).
// The script starts `next start` itself (build first: `npx next build`) on
// --port (default 3401), or times a server already running with --url (which
// must use touchplan_bench). Placeholders :tier1, :tier2, :tier3 in a page
// are a Tier N account of the CSM who signs in. Exits 1 if any request
// answers other than 200.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { localServerUrl } from './bench/database';
import { ms, percentile } from './bench/measure';
import { benchPassword, benchUrl, benchUsers, ensureBenchData, preparePlaceholders, type BenchRole } from './bench/pages/data';
import { signIn, timeRequests, type Sample } from './bench/pages/http';
import { startServer, type Server } from './bench/pages/server';

const { values } = parseArgs({
  options: {
    page: { type: 'string', multiple: true, default: ['/accounts', '/accounts/:tier1', '/schedule', '/team'] },
    as: { type: 'string', default: 'csm,manager' },
    requests: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '1' },
    port: { type: 'string', default: '3401' },
    url: { type: 'string' },
  },
});

const roles = values.as.split(',').map((r) => r.trim()) as BenchRole[];
for (const role of roles) if (!(role in benchUsers)) throw new Error(`Unknown role ${role}: use ${Object.keys(benchUsers).join(', ')}`);
const [requests, runs, warmup, concurrency] = [values.requests, values.runs, values.warmup, values.concurrency].map(Number) as [number, number, number, number];

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  const server = localServerUrl(process.env.DATABASE_URL);
  await ensureBenchData(server);
  const placeholders = await preparePlaceholders(server, roles);
  const pages = values.page.map((p) => p.replace(/:tier\d/g, (m) => placeholders[m] ?? m));
  let app: Server | undefined;
  const baseUrl = values.url ?? (app = await startServer(benchUrl(server).toString(), Number(values.port))).baseUrl;
  try {
    console.log(`${baseUrl}: ${requests} requests × ${runs} runs per page and role, concurrency ${concurrency}, after ${warmup} warm-up requests; load average ${load()}`);
    const rows: string[][] = [['page', 'as', 'run p50 / p95 / max', 'p95 min / median / max', 'pages/s', 'bytes']];
    let failed = false;
    for (const role of roles) {
      const cookie = await signIn(baseUrl, benchUsers[role], benchPassword);
      for (const page of pages) {
        const url = baseUrl + page;
        await timeRequests(url, cookie, warmup, 1);
        const results: Sample[][] = [];
        const rates: number[] = [];
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          results.push(await timeRequests(url, cookie, requests, concurrency));
          rates.push(requests / ((performance.now() - started) / 1000));
        }
        const bad = results.flat().filter((s) => s.status !== 200);
        if (bad.length > 0) {
          failed = true;
          console.error(`${page} as ${role}: ${bad.length} responses not 200 (${[...new Set(bad.map((s) => s.status))].join(', ')})`);
        }
        const p95s = results.map((r) => percentile(r.map((s) => s.ms), 95));
        rows.push([
          page,
          role,
          results.map((r) => { const t = r.map((s) => s.ms); return `${ms(percentile(t, 50))} / ${ms(percentile(t, 95))} / ${ms(Math.max(...t))}`; }).join('; '),
          `${ms(Math.min(...p95s))} / ${ms(percentile(p95s, 50))} / ${ms(Math.max(...p95s))}`,
          rates.map((r) => r.toFixed(1)).join(', '),
          results[0]![0]!.bytes.toLocaleString('en'),
        ]);
        console.log(`  ${page} as ${role}: p95 ${p95s.map(ms).join(', ')} (load average ${load()})`);
      }
    }
    console.log();
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
    for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
    console.log(`\nload average at the end: ${load()}`);
    if (failed) process.exitCode = 1;
  } finally {
    app?.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
