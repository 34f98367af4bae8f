import { createHmac, timingSafeEqual } from 'node:crypto';

// The signed webhook a tech touch sends to the tool that shows in-app
// messages or tours (issue 14). The body is JSON; the signature is
// HMAC-SHA256 of the exact body bytes with the workspace's secret, sent as
// `X-Touchplan-Signature: sha256=<hex>` (as GitHub and Stripe-style receivers
// expect). The body carries its delivery id and time, so a receiver can drop
// a replay.

export const signatureHeader = 'X-Touchplan-Signature';
export const deliveryHeader = 'X-Touchplan-Delivery';

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether `signature` is `body`'s with `secret` (constant-time). */
export function verifySignature(body: string, secret: string, signature: string | null | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type NudgePayload = {
  type: 'alert.nudge' | 'test';
  delivery: string;
  sentAt: string;
  rule: { id: number | null; name: string } | null;
  message: { name: string | null; text: string | null } | null;
  /**
   * The campaign the rule enrols the account in (Admin → Alert rules), or
   * null: the receiving tool enrols the account under `key`, and the
   * campaign's deliveries come back through POST /api/v1/campaigns/{key}/events
   * or its CSV import.
   */
  campaign: { key: string; name: string; channel: string; tool: string } | null;
  account: { id: number; externalId: string | null; name: string; domain: string | null; tier: number; owner: string | null } | null;
  contacts: { email: string; name: string; language: string | null; roles: string[] }[];
};

/**
 * Whether a failed delivery is worth retrying: the receiver was unreachable,
 * timed out, throttled us or failed itself. Any other 4xx means the request
 * itself is refused (a wrong URL, a bad secret) and will be refused again.
 */
export function retryable(status: number | null): boolean {
  return status === null || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** A new signing secret: 32 random bytes, hex. */
export function newSecret(random: (n: number) => Buffer): string {
  return `whsec_${random(32).toString('hex')}`;
}
