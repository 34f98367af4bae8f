import 'server-only';
import { getDb } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import { lockEmailForSignIn, recentFailures, recordAttempt } from '@/db/queries/sign-in-attempts';
import { findUserForSignIn, markSignedIn } from '@/db/queries/users';
import { dummyHash, verifyPassword } from './password-hash';
import { throttleState } from './throttle';

export type SignInResult =
  | { ok: true; userId: number; sessionVersion: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number }
  | { ok: false; reason: 'busy' };

/**
 * Checks an email and password. Unknown email, wrong password and a
 * deactivated account all give the same answer, in about the same time.
 */
export async function checkCredentials(rawEmail: string, password: string): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();
  if (!email || !password || email.length > 320 || password.length > 1024) return { ok: false, reason: 'invalid' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await lockEmailForSignIn(tx, email))) return { ok: false, reason: 'busy' };
    const throttle = throttleState(await recentFailures(tx, email), new Date());
    if (throttle.locked) {
      await writeAudit(tx, { actorId: null, action: 'auth.sign_in_throttled', entity: 'session', after: { email } });
      return { ok: false, reason: 'throttled', retryAfterMinutes: throttle.retryAfterMinutes };
    }
    const user = await findUserForSignIn(tx, email);
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !passwordOk || !user.active) {
      await recordAttempt(tx, email, false);
      await writeAudit(tx, {
        actorId: null,
        action: 'auth.sign_in_failed',
        entity: 'session',
        entityId: user?.id,
        after: { email, reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'deactivated' },
      });
      return { ok: false, reason: 'invalid' };
    }
    await recordAttempt(tx, email, true);
    await markSignedIn(tx, user.id);
    await writeAudit(tx, { actorId: user.id, action: 'auth.sign_in', entity: 'session', entityId: user.id });
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
  });
}
