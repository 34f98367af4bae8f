import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { AuditAction } from '@/lib/audit-actions';
import { addressLimit, pairLimit, windowMinutes } from '@/lib/auth/throttle';
import { queryRows, type DbOrTx } from '../client';
import { auditLog, signInAttempts, signInAuditWindows } from '../schema';

const inWindow = gt(signInAttempts.at, sql`now() - make_interval(mins => ${windowMinutes})`);

/**
 * Serialises sign-in attempts for one email from one address across every
 * app instance, so parallel guesses cannot all slip under the pair limit.
 * Held until the transaction ends.
 */
export async function lockPairForSignIn(db: DbOrTx, email: string, address: string): Promise<boolean> {
  // try: a burst of parallel attempts must not queue up and hold the connection pool.
  // The address never contains a space, so the last space splits the key unambiguously.
  const key = `sign-in:${email} ${address}`;
  const [row] = await queryRows<{ locked: boolean }>(db, sql`select pg_try_advisory_xact_lock(hashtext(${key})) as locked`);
  return row?.locked === true;
}

/** Failures for this email from this address since the pair's last success within the window, newest first. */
export async function recentPairFailures(db: DbOrTx, email: string, address: string): Promise<Date[]> {
  const rows = await db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.address, address), inWindow))
    .orderBy(desc(signInAttempts.at))
    .limit(pairLimit * 4);
  const failures: Date[] = [];
  for (const row of rows) {
    if (row.succeeded) break;
    failures.push(row.at);
  }
  return failures;
}

/** Failures from this address for any email within the window, newest first (successes do not reset them). */
export async function recentAddressFailures(db: DbOrTx, address: string): Promise<Date[]> {
  const rows = await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.address, address), eq(signInAttempts.succeeded, false), inWindow))
    .orderBy(desc(signInAttempts.at))
    .limit(addressLimit * 2);
  return rows.map((r) => r.at);
}

/** Failures for this email from any address within the window (what slows its sign-in). */
export async function countEmailFailures(db: DbOrTx, email: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), inWindow));
  return row?.n ?? 0;
}

export async function recordAttempt(db: DbOrTx, a: { email: string; address: string; succeeded: boolean }): Promise<void> {
  await db.insert(signInAttempts).values(a);
  // Attempts only matter for the window; keep the tables small.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, sql`now() - interval '1 day'`));
  await db.delete(signInAuditWindows).where(lt(signInAuditWindows.windowStart, sql`now() - interval '1 day'`));
}

/**
 * Audits a failed or throttled attempt: the first for this email and address
 * writes an audit row with `count: 1` and opens a 15-minute window; later
 * ones inside the window add to its count (and keep the latest details), so
 * a flood of guesses writes one row per window, not one per guess. Call
 * under the pair lock.
 */
export async function auditSignInFailure(
  db: DbOrTx,
  f: { action: Extract<AuditAction, `auth.${string}`>; email: string; address: string; userId?: number; details: Record<string, unknown> },
): Promise<void> {
  const [open] = await db
    .select({ auditId: signInAuditWindows.auditId })
    .from(signInAuditWindows)
    .where(
      and(
        eq(signInAuditWindows.action, f.action),
        eq(signInAuditWindows.email, f.email),
        eq(signInAuditWindows.address, f.address),
        gt(signInAuditWindows.windowStart, sql`now() - make_interval(mins => ${windowMinutes})`),
      ),
    )
    .orderBy(desc(signInAuditWindows.windowStart))
    .limit(1);
  if (open) {
    await db
      .update(auditLog)
      .set({
        after: sql`${auditLog.after} || ${JSON.stringify(f.details)}::jsonb || jsonb_build_object('count', coalesce((${auditLog.after}->>'count')::int, 1) + 1, 'lastAt', now())`,
      })
      .where(eq(auditLog.id, open.auditId));
    return;
  }
  const [row] = await db
    .insert(auditLog)
    .values({
      actorId: null,
      action: f.action,
      entity: 'session',
      entityId: f.userId == null ? null : String(f.userId),
      after: { email: f.email, address: f.address, ...f.details, count: 1 },
    })
    .returning({ id: auditLog.id });
  await db.insert(signInAuditWindows).values({ action: f.action, email: f.email, address: f.address, windowStart: sql`now()`, auditId: row!.id });
}
