import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/db/client';
import { queuedTechMail, recordTechMail, recordWebhookAttempt, webhookDelivery } from '@/db/queries/tech-touches';
import { nudgeEmail } from '@/lib/alerts/nudge-email';
import { deliveryHeader, newSecret, retryable, signatureHeader, signBody, type NudgePayload } from '@/lib/alerts/webhook';
import { appUrl } from '@/lib/env';
import { sendQueued } from './mail-batch';

// Sends alert rules' tech touches (issue 14): the signed webhook to the tool
// that shows in-app messages or tours, and emails to the account's contacts.
// Each is in the touch ledger once it has left (db/queries/tech-touches.ts).

/** Attempts of one webhook delivery: the job's first run and its retries (the registry's retry limit + 1). */
export const webhookAttempts = 6;
const timeoutMs = 10_000;

export type PostResult = { ok: boolean; status: number | null; error: string | null };

/** POSTs `payload` signed with `secret`; never throws (a network error is a result). */
export async function postSigned(url: string, secret: string, payload: NudgePayload): Promise<PostResult> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Touchplan-Webhook/1', [signatureHeader]: signBody(body, secret), [deliveryHeader]: payload.delivery },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return res.ok ? { ok: true, status: res.status, error: null } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (e) {
    const reason = e instanceof Error ? (e.name === 'TimeoutError' ? `timed out after ${timeoutMs / 1000} s` : ((e.cause as Error | undefined)?.message ?? e.message)) : String(e);
    return { ok: false, status: null, error: reason };
  }
}

/**
 * One attempt at a webhook tech touch (the `tech-touch-webhook` job; attempt
 * 0 is the first). Throws after a retryable failure so the queue retries it
 * with backoff; a refused request (4xx) or the last attempt fails it for good.
 * A touch already sent, failed or skipped is left alone (delivery is at least once).
 */
export async function deliverWebhook(id: number, attempt: number): Promise<PostResult | null> {
  const db = await getDb();
  const d = await webhookDelivery(db, id, new Date());
  if (!d || d.status !== 'queued') return null;
  if (!d.url || !d.secret) {
    await recordWebhookAttempt(db, id, { ok: false, status: null, error: 'no_webhook', final: true });
    return { ok: false, status: null, error: 'no_webhook' };
  }
  const result = await postSigned(d.url, d.secret, d.payload);
  const final = !result.ok && (!retryable(result.status) || attempt + 1 >= webhookAttempts);
  await recordWebhookAttempt(db, id, { ...result, final });
  if (!result.ok && !final) throw new Error(`Webhook delivery tt_${id} failed (${result.error}); the queue retries it.`);
  return result;
}

/** A signed test request to the webhook (Admin → Alert rules), carrying no account. */
export async function testWebhook(url: string, secret: string): Promise<PostResult> {
  return postSigned(url, secret, { type: 'test', delivery: `test_${randomBytes(6).toString('hex')}`, sentAt: new Date().toISOString(), rule: null, message: null, campaign: null, account: null, contacts: [] });
}

export const newWebhookSecret = () => newSecret(randomBytes);

/** Sends every queued alert email (the `tech-touch-email` job), one per contact in their language. */
export async function sendTechTouchEmails(): Promise<{ sent: number; failed: number }> {
  const base = appUrl().replace(/\/$/, '');
  return sendQueued({
    next: queuedTechMail,
    compose: (r, t) => nudgeEmail({ to: { name: r.name, email: r.email }, subject: r.subject, message: r.message, unsubscribe: `${base}/u/${r.token}` }, t),
    record: recordTechMail,
  });
}
