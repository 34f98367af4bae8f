// npm run bench:programs — the issue-11 targets, through the app's own server
// actions and upload route, called in this process as the signed-in bench
// manager (scripts/tsconfig.bench-actions.json backs Next's cookies with a
// real session token, as the integration tests do):
//   (a) inviting an audience of ~10,000 contacts (Tier 2, renewing within N
//       days) to a fresh session, --invites times (≤ 3 s; the emails are
//       queued in the transaction, sent by the queue afterwards);
//   (b) importing a generated 5,000-row Zoom webinar attendee report for a
//       session of that audience (≤ 5 s), the same file again, and a later
//       export of it (both must change nothing);
//   (c) the program page for that webinar (10,000 invitations): its queries
//       as the page runs them, and, on PostgreSQL with a build
//       (`npx next build`), the page over HTTP from `next start` on --port
//       (p95 ≤ 200 ms).
// With DATABASE_URL naming a local PostgreSQL server: creates touchplan_bench
// there (dropping an old one) and seeds 100,000 accounts and 300,000
// contacts; with --reuse, keeps a touchplan_bench an earlier run seeded.
// With BENCH_DB=pglite (no DATABASE_URL): a fresh embedded database; no HTTP.
// Exits 1 if a target is missed; the database is left for EXPLAIN ANALYZE.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, queryRows } from '@/db/client';
import { stopJobs } from '@/lib/server/jobs';
import { installQueueSchema } from '@/lib/server/jobs/queue';
import { actAs, queueWithoutWorkers } from './bench/actions';
import { localServerUrl } from './bench/database';
import { timed, type Result } from './bench/measure';
import { benchUrl, benchUsers } from './bench/pages/data';
import { measureProgramPageHttp } from './bench/pages/program-page';
import { contactCount, countContacts, measureImport, measureInvites, measurePageQueries, seedPeople, tier2Audience, webinarThatRan } from './bench/programs';
import { runBench } from './bench/run';

const { values } = parseArgs({
  options: {
    invites: { type: 'string', default: '4' },
    port: { type: 'string', default: '3464' },
    requests: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    'no-http': { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});

const embedded = process.env.BENCH_DB === 'pglite';

runBench(
  async (db, seeded) => {
    if ((await countContacts(db)) === 0) {
      const { ms, value } = await timed(() => seedPeople(db));
      console.log(`Seeded ${value.toLocaleString('en')} contacts in ${(ms / 1000).toFixed(1)} s`);
    }
    const server = embedded ? null : localServerUrl(process.env.DATABASE_URL);
    if (server) {
      // The actions open the app's own connection (db/client.ts) to the bench database, and its job queue there.
      const url = benchUrl(server).toString();
      process.env.DATABASE_URL = url;
      await installQueueSchema({ url });
    }
    await queueWithoutWorkers();
    const [manager] = await queryRows<{ id: number }>(db, sql`select id from users where email = ${benchUsers.manager}`);
    await actAs(manager!.id);
    try {
      const audience = await tier2Audience(10_000);
      console.log(
        `  audience "${audience.audience}": ${audience.accounts.toLocaleString('en')} accounts, ${audience.contacts.toLocaleString('en')} active contacts (${audience.emailable.toLocaleString('en')} emailable)`,
      );
      const results: Result[] = [await measureInvites(manager!.id, audience, Number(values.invites))];
      const session = await webinarThatRan(db, manager!.id, audience);
      results.push(await measureImport(db, session, manager!.id, seeded.csmIds[0]!));
      results.push(await measurePageQueries(db, session.programId));
      if (server && !values['no-http']) {
        if (existsSync('.next/BUILD_ID')) {
          const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from program_invitations where session_id = ${session.sessionId}`);
          results.push(
            await measureProgramPageHttp(db, server, { programId: session.programId, invitations: n }, { port: Number(values.port), runs: Number(values.runs), requests: Number(values.requests) }),
          );
        } else console.log('  (no production build: the page over HTTP is skipped; run `npx next build` first)');
      }
      return results;
    } finally {
      await stopJobs();
      if (!embedded) await closeDb();
    }
  },
  values.reuse ? { reuse: async (db) => (await countContacts(db)) === contactCount } : {},
);
