import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invitationPageSize } from '@/db/queries/programs';
import { load } from '../content';
import { ms, percentile, type Result } from '../measure';
import { pageTargetMs } from '../programs';
import { benchPassword, benchUrl, benchUsers, preparePlaceholders } from './data';
import { signIn, timeRequests } from './http';
import { startServer } from './server';

/**
 * (c) over HTTP: the program page as the manager loads it from `next start`
 * on the benchmark's database (a build is needed), page 1 and the last page
 * of the session's invitations; `runs` × `requests` one at a time after 20
 * warm-up requests, as `npm run bench:pages` times pages.
 */
export async function measureProgramPageHttp(
  db: Db,
  server: URL,
  page: { programId: number; invitations: number },
  options: { port: number; runs: number; requests: number },
): Promise<Result> {
  // The server runs the queue's workers: without a mail server here, the benchmark's queued invitation emails are dropped first.
  await db.execute(sql`delete from pgboss.job where name = 'program-email'`);
  const env = { ...process.env };
  delete process.env.SMTP_URL;
  await preparePlaceholders(server, ['manager']);
  const app = await startServer(benchUrl(server).toString(), options.port);
  Object.assign(process.env, env);
  try {
    const cookie = await signIn(app.baseUrl, benchUsers.manager, benchPassword);
    const lastPage = Math.max(1, Math.ceil(page.invitations / invitationPageSize));
    const figures: string[] = [];
    let worst = 0;
    for (const path of [`/programs/${page.programId}`, `/programs/${page.programId}?page=${lastPage}`]) {
      const url = app.baseUrl + path;
      await timeRequests(url, cookie, 20, 1);
      const runs = [];
      for (let run = 0; run < options.runs; run++) runs.push(await timeRequests(url, cookie, options.requests, 1));
      const bad = runs.flat().filter((s) => s.status !== 200);
      if (bad.length) throw new Error(`${path}: ${bad.length} answers not 200 (${[...new Set(bad.map((s) => s.status))].join(', ')})`);
      const p95s = runs.map((r) => percentile(r.map((s) => s.ms), 95));
      worst = Math.max(worst, percentile(p95s, 50));
      const p50 = percentile(runs.flat().map((s) => s.ms), 50);
      figures.push(`p95 ${p95s.map(ms).join(' / ')}, p50 ${ms(p50)} (${Math.round(runs[0]![0]!.bytes / 1024)} KB)`);
      console.log(`  GET ${path}: p95 of each run ${p95s.map(ms).join(', ')}; p50 ${ms(p50)} (load average ${load()})`);
    }
    return {
      name: `program page over HTTP as the manager (page 1; page ${lastPage}), ${options.runs} × ${options.requests} requests`,
      target: `p95 ≤ ${ms(pageTargetMs)}`,
      figures: figures.join('; '),
      ok: worst <= pageTargetMs,
    };
  } finally {
    app.stop();
  }
}
