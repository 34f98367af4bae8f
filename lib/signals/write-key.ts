import { createHash, randomBytes } from 'node:crypto';

// Write keys: what a pipeline (Segment, RudderStack, an SDK) sends to ingest.
// Shown once when made; the database keeps only its SHA-256 and a prefix to
// recognise it by in lists.

const keyPrefix = 'tpk_';

/** A new key: `tpk_` and 32 random bytes in base64url (256 bits). */
export function newWriteKey(): { key: string; prefix: string; hash: string } {
  const key = keyPrefix + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, keyPrefix.length + 6), hash: hashWriteKey(key) };
}

export function hashWriteKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The key in an Authorization header: HTTP Basic with the key as the user
 * name (Segment's way; the password is empty or ignored), or a Bearer token.
 */
export function writeKeyFrom(authorization: string | null): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const user = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
  return user || null;
}
