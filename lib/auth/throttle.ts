export const maxFailures = 5;
export const windowMinutes = 15;

/**
 * Whether sign-in for an email is locked, from the times of its recent
 * failures (those after its last success). Locked while `maxFailures`
 * failures fall inside the trailing window; it opens when the oldest of them
 * leaves the window.
 */
export function throttleState(
  failures: readonly Date[],
  now: Date,
): { locked: false } | { locked: true; retryAfterMinutes: number } {
  const windowMs = windowMinutes * 60_000;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => now.getTime() - t < windowMs)
    .sort((a, b) => b - a);
  if (recent.length < maxFailures) return { locked: false };
  const oldestCounted = recent[maxFailures - 1]!;
  const remainingMs = oldestCounted + windowMs - now.getTime();
  return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil(remainingMs / 60_000)) };
}
