import 'server-only';
import { setTimeout as wait } from 'node:timers/promises';
import { getDb } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import {
  auditSignInFailure,
  countEmailFailures,
  lockPairForSignIn,
  recentAddressFailures,
  recentPairFailures,
  recordAttempt,
} from '@/db/queries/sign-in-attempts';
import { findUserForSignIn, markSignedIn } from '@/db/queries/users';
import { unknownAddress } from './client-address';
import { dummyHash, verifyPassword } from './password-hash';
import { missingSignInFields, type SignInField } from './sign-in-fields';
import { signInDelayMs, throttleState } from './throttle';

export type SignInResult =
  | { ok: true; userId: number; sessionVersion: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'missing'; fields: SignInField[] }
  | { ok: false; reason: 'throttled'; scope: 'pair' | 'address'; retryAfterMinutes: number }
  | { ok: false; reason: 'busy' };

export type SignInOptions = {
  /** The client's address (lib/auth/client-address.ts). */
  address?: string;
  /** How the slow-down waits; tests pass one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<unknown>;
};

/**
 * Checks an email and password. Unknown email, wrong password and a
 * deactivated account all give the same answer, in about the same time.
 * Throttled per email and address, per address, and slowed per email
 * (lib/auth/throttle.ts), all counted in the database.
 */
export async function checkCredentials(rawEmail: string, password: string, opts: SignInOptions = {}): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();
  const address = opts.address || unknownAddress;
  // An empty field is a form mistake, not a guess: answered before anything is counted or audited.
  const missing = missingSignInFields(email, password);
  if (missing.length) return { ok: false, reason: 'missing', fields: missing };
  if (email.length > 320 || password.length > 1024) return { ok: false, reason: 'invalid' };
  const db = await getDb();
  // Waited before the transaction: a slowed attempt holds no connection or lock while it waits.
  const delayMs = signInDelayMs(await countEmailFailures(db, email));
  if (delayMs > 0) await (opts.sleep ?? wait)(delayMs);
  return db.transaction(async (tx): Promise<SignInResult> => {
    if (!(await lockPairForSignIn(tx, email, address))) return { ok: false, reason: 'busy' };
    const [pairFailures, addressFailures] = [await recentPairFailures(tx, email, address), await recentAddressFailures(tx, address)];
    const throttle = throttleState({ pairFailures, addressFailures }, new Date());
    if (throttle.locked) {
      await auditSignInFailure(tx, { action: 'auth.sign_in_throttled', email, address, details: { scope: throttle.scope } });
      return { ok: false, reason: 'throttled', scope: throttle.scope, retryAfterMinutes: throttle.retryAfterMinutes };
    }
    const user = await findUserForSignIn(tx, email);
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !passwordOk || !user.active) {
      await recordAttempt(tx, { email, address, succeeded: false });
      const reason = !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'deactivated';
      await auditSignInFailure(tx, { action: 'auth.sign_in_failed', email, address, userId: user?.id, details: { reason } });
      return { ok: false, reason: 'invalid' };
    }
    await recordAttempt(tx, { email, address, succeeded: true });
    await markSignedIn(tx, user.id);
    await writeAudit(tx, { actorId: user.id, action: 'auth.sign_in', entity: 'session', entityId: user.id, after: { address } });
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
  });
}
