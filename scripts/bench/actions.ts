import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { readSessionVersion } from '@/db/queries/users';
import { sessionCookieName } from '@/lib/auth/cookie';
import { authSecret } from '@/lib/env';
import { jobRegistry } from '@/lib/server/jobs/registry';
import { openJobQueue } from '@/lib/server/jobs/queue';
import { queueConnection } from '@/lib/server/jobs';
import { cookieJar } from '@/tests/request-context';

// Calling the app's server actions and route handlers from a benchmark, in
// its own process (run with scripts/tsconfig.bench-actions.json): signed in
// with a real session cookie, and a job queue that takes jobs but runs none.

/** Signs the benchmark in as `userId`: a real next-auth session token in the jar next/headers reads (scripts/bench/next/headers.ts). */
export async function actAs(userId: number): Promise<void> {
  process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString('base64url');
  const sv = await readSessionVersion(await getDb(), userId);
  cookieJar.clear();
  cookieJar.set(sessionCookieName(), await encode({ token: { sub: String(userId), sv }, secret: authSecret() }));
}

/**
 * Emails on, as in production: an invitation is recorded as queued and the
 * sending job is enqueued in the invite's transaction. This process's queue
 * runs no workers, so no email is sent while the benchmark measures: the
 * delivery is the queue's work afterwards, not part of the invite.
 * The queue is the app's own (lib/server/jobs.ts keeps it on globalThis).
 */
export async function queueWithoutWorkers(): Promise<void> {
  process.env.SMTP_URL ||= 'smtp://127.0.0.1:9';
  const connection = await queueConnection();
  const store = globalThis as unknown as { __touchplanJobs?: Promise<unknown> };
  store.__touchplanJobs ??= openJobQueue(jobRegistry, { connection, migrate: 'pglite' in connection, work: false, schedule: false });
  await store.__touchplanJobs;
}
