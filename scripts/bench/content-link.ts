import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { load } from './content';
import { ms, percentile, type Result } from './measure';
import { startServer } from './pages/server';

// The tracked link `/c/<token>` over HTTP, as a contact's browser opens it:
// `next start` on the bench database, 10 requests at a time, each a GET of a
// different seeded token (each counts an open: an UPDATE and, for a first
// open, a ledger row), answered with the 302 to the item. Only GETs are
// timed; redirects are not followed.

type Sample = { ms: number; status: number };

async function openLinks(baseUrl: string, tokens: string[], concurrency: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const token = tokens[next++]!;
      const start = performance.now();
      const res = await fetch(`${baseUrl}/c/${token}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (bench) Chrome/131.0 Safari/537.36' } });
      await res.arrayBuffer();
      samples.push({ ms: performance.now() - start, status: res.status });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return samples;
}

export async function measureTrackedLink(db: Db, databaseUrl: string, port: number): Promise<Result> {
  const concurrency = 10;
  const perRun = 1000;
  const runs = 3;
  const warmup = 200;
  // Distinct random links of the seeded shares: first opens and repeat opens, as they come.
  const tokens = (await queryRows<{ token: string }>(db, sql`select token from content_recipients order by random() limit ${warmup + perRun * runs}`)).map((r) => r.token);
  const app = await startServer(databaseUrl, port);
  try {
    await openLinks(app.baseUrl, tokens.slice(0, warmup), concurrency);
    const results: Sample[][] = [];
    for (let run = 0; run < runs; run++) {
      const samples = await openLinks(app.baseUrl, tokens.slice(warmup + run * perRun, warmup + (run + 1) * perRun), concurrency);
      results.push(samples);
      const t = samples.map((s) => s.ms);
      console.log(`  /c/<token> run ${run + 1}: ${perRun} GETs at ${concurrency} concurrent, p50 ${ms(percentile(t, 50))} / p95 ${ms(percentile(t, 95))} / max ${ms(Math.max(...t))} (load average ${load()})`);
    }
    const bad = results.flat().filter((s) => s.status !== 302);
    if (bad.length) console.error(`  ${bad.length} answers were not 302: ${[...new Set(bad.map((s) => s.status))].join(', ')}`);
    const p95s = results.map((r) => percentile(r.map((s) => s.ms), 95));
    const fig = results.map((r) => { const t = r.map((s) => s.ms); return `${ms(percentile(t, 50))} / ${ms(percentile(t, 95))} / ${ms(Math.max(...t))}`; }).join('; ');
    return {
      name: `tracked link GET /c/<token>, ${concurrency} concurrent, p50 / p95 / max per run`,
      target: 'p95 ≤ 20 ms',
      figures: fig,
      ok: bad.length === 0 && percentile(p95s, 50) <= 20,
    };
  } finally {
    app.stop();
  }
}
