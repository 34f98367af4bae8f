import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { windowMinutes } from '@/lib/auth/throttle';
import { queryRows, type DbOrTx } from '../client';
import { signInAttempts } from '../schema';

/**
 * Serialises sign-in attempts for one email across every app instance, so
 * parallel guesses cannot all slip under the limit. Held until the
 * transaction ends.
 */
export async function lockEmailForSignIn(db: DbOrTx, email: string): Promise<boolean> {
  // try: a burst of parallel attempts for one email must not queue up and hold the connection pool.
  const [row] = await queryRows<{ locked: boolean }>(db, sql`select pg_try_advisory_xact_lock(hashtext(${'sign-in:' + email})) as locked`);
  return row?.locked === true;
}

/** Failures since the last success within the throttle window, newest first. */
export async function recentFailures(db: DbOrTx, email: string): Promise<Date[]> {
  const rows = await db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(
      and(eq(signInAttempts.email, email), gt(signInAttempts.at, sql`now() - make_interval(mins => ${windowMinutes})`)),
    )
    .orderBy(desc(signInAttempts.at))
    .limit(20);
  const failures: Date[] = [];
  for (const row of rows) {
    if (row.succeeded) break;
    failures.push(row.at);
  }
  return failures;
}

export async function recordAttempt(db: DbOrTx, email: string, succeeded: boolean): Promise<void> {
  await db.insert(signInAttempts).values({ email, succeeded });
  // Attempts only matter for the window; keep the table small.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, sql`now() - interval '1 day'`));
}
