import { createHash, randomBytes } from 'node:crypto';

// Calendar-feed addresses. The token is the only credential a calendar
// server presents, so it is long and random, shown once, and only its hash
// is stored (like an API token): a copy of the database cannot read feeds.

/** 32 random bytes, base64url: 43 characters, 256 bits. */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256, hex. No salt is needed: the token is random, not chosen by a person. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The token in the last path segment ("<token>.ics", or without the extension), or null if it cannot be one. */
export function tokenFromSegment(segment: string): string | null {
  const token = segment.endsWith('.ics') ? segment.slice(0, -4) : segment;
  return tokenPattern.test(token) ? token : null;
}

export function feedUrl(baseUrl: string, token: string): string {
  return new URL(`/feeds/${token}.ics`, baseUrl).toString();
}

const DAY = 86_400_000;

/**
 * What a feed holds: activities from 90 days back to a year ahead;
 * cancelled ones only if cancelled in the last 30 days, long enough for
 * subscribed calendars to fetch the cancellation and drop them.
 */
export function feedWindow(now: Date) {
  return {
    from: new Date(now.getTime() - 90 * DAY),
    to: new Date(now.getTime() + 365 * DAY),
    cancelledSince: new Date(now.getTime() - 30 * DAY),
  };
}

/** Whether to record this fetch: at most once an hour, so polling is not a write per request. */
export function shouldRecordUse(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= 3_600_000;
}
