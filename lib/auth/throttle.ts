// The sign-in throttle rule. Counts come from the database (so they hold
// across app instances); this decides what they mean.

export const windowMinutes = 15;
/** Failures for one email from one address within the window that lock that pair. */
export const pairLimit = 5;
/** Failures from one address, across any emails, within the window that lock the address. */
export const addressLimit = 30;
/** Failures for one email (from any address) within the window before its sign-in slows down. */
export const delayAfter = 5;
export const firstDelayMs = 250;
export const maxDelayMs = 4000;

export type Lock = { locked: false } | { locked: true; retryAfterMinutes: number };
export type ThrottleState = { locked: false } | { locked: true; scope: 'pair' | 'address'; retryAfterMinutes: number };

/**
 * Whether `limit` failures fall inside the trailing window. Locked until the
 * oldest of the `limit` most recent leaves the window, so a burst of `limit`
 * failures locks for the whole window; "try again in N minutes" rounds up.
 */
export function windowLock(failures: readonly Date[], limit: number, now: Date): Lock {
  const windowMs = windowMinutes * 60_000;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => now.getTime() - t < windowMs)
    .sort((a, b) => b - a);
  if (recent.length < limit) return { locked: false };
  const oldestCounted = recent[limit - 1]!;
  const remainingMs = oldestCounted + windowMs - now.getTime();
  return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil(remainingMs / 60_000)) };
}

/**
 * Whether a sign-in attempt may check a password. `pairFailures`: failures
 * for this email from this address since the pair's last success;
 * `addressFailures`: failures from this address for any email (a success
 * does not reset them, or signing in to one's own account would). The
 * address lock wins: it is the wider one.
 */
export function throttleState(
  counts: { pairFailures: readonly Date[]; addressFailures: readonly Date[] },
  now: Date,
): ThrottleState {
  const address = windowLock(counts.addressFailures, addressLimit, now);
  if (address.locked) return { locked: true, scope: 'address', retryAfterMinutes: address.retryAfterMinutes };
  const pair = windowLock(counts.pairFailures, pairLimit, now);
  if (pair.locked) return { locked: true, scope: 'pair', retryAfterMinutes: pair.retryAfterMinutes };
  return { locked: false };
}

/**
 * How long to wait before checking a password for an email that has failed
 * `emailFailures` times in the window from any address. An email attacked
 * from many addresses is never locked (that would lock its owner out), it
 * slows down instead: doubling from `firstDelayMs`, capped at `maxDelayMs`.
 */
export function signInDelayMs(emailFailures: number): number {
  if (emailFailures < delayAfter) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (emailFailures - delayAfter));
}
