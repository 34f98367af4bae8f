import { isIP } from 'node:net';

export const unknownAddress = 'unknown';

/**
 * The client's address for sign-in throttling, from a request's headers.
 *
 * `next start` gives a route handler no socket address: it fills in
 * X-Forwarded-For with the peer's address only when the request has none, so
 * any client can put what it likes there. The header is therefore used only
 * when `trustedHops` (TRUST_PROXY) says how many proxies in front of the app
 * append to it: the address is the `trustedHops`-th value from the right,
 * the one the outermost trusted proxy saw. Values further left were written
 * by the client and are ignored. Without trust, every client is `unknown`
 * (one shared address: safe, but any 30 failures lock sign-in for everyone).
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined, trustedHops: number): string {
  if (trustedHops < 1 || !headers) return unknownAddress;
  const raw = headers['x-forwarded-for'];
  const hops = (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!hops.length) return unknownAddress;
  // Fewer values than trusted proxies: the request came through fewer of them; the left-most is still a proxy's.
  const value = hops[Math.max(0, hops.length - trustedHops)]!;
  return normalise(value) ?? unknownAddress;
}

function normalise(value: string): string | undefined {
  let v = value;
  if (v.startsWith('[') && v.includes(']')) v = v.slice(1, v.indexOf(']')); // "[::1]:443"
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':')); // "1.2.3.4:5678"
  if (!isIP(v)) return undefined;
  const lower = v.toLowerCase();
  // One address, one bucket: IPv4 written as IPv4-mapped IPv6 is the same client.
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}
