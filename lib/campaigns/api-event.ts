import type { CampaignOutcome } from '@/lib/vocabulary';
import { eventTimeProblem } from './event-time';
import { readEmail, readOutcome, type RecipientKeys } from './events';

// One event sent to POST /api/v1/campaigns/{key}/events:
//   { "email": "aiko@acme.example", "outcome": "delivered", "timestamp": "2026-11-02T09:00:00+09:00" }
//   { "account": "SF-001" (external id or domain), "outcome": "completed", "timestamp": "…" }
// judged on its own: a refused event names its field and why, in English,
// as the ingestion API's refusals do.

export type JudgedCampaignEvent = { ok: true; event: RecipientKeys & { outcome: CampaignOutcome; occurredAt: Date } } | { ok: false; field: string; reason: string };

/** An ISO 8601 time with a zone (Z or an offset): a pipeline's time is an instant, never a guess. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** How far ahead of the server's clock a timestamp may be (clock skew), in ms. */

export function judgeCampaignEvent(item: unknown, now: Date): JudgedCampaignEvent {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { ok: false, field: 'event', reason: 'must be a JSON object' };
  const raw = item as Record<string, unknown>;
  const text = (field: string) => (typeof raw[field] === 'string' ? (raw[field] as string).trim() : raw[field] === undefined || raw[field] === null ? '' : null);
  const emailText = text('email');
  if (emailText === null) return { ok: false, field: 'email', reason: 'must be a string' };
  const email = emailText ? readEmail(emailText) : null;
  if (emailText && !email) return { ok: false, field: 'email', reason: 'is not an email address' };
  const account = text('account');
  if (account === null || account.length > 320) return { ok: false, field: 'account', reason: 'must be a string (an account external id or domain)' };
  if (!email && !account) return { ok: false, field: 'email', reason: 'is missing: send "email" (a contact) or "account" (an account external id or domain)' };
  const outcomeText = text('outcome');
  const outcome = outcomeText ? readOutcome(outcomeText) : null;
  if (!outcome) return { ok: false, field: 'outcome', reason: 'must be one of delivered, opened, clicked, bounced, unsubscribed, completed' };
  const timestamp = text('timestamp');
  if (!timestamp || !isoInstant.test(timestamp) || Number.isNaN(Date.parse(timestamp))) return { ok: false, field: 'timestamp', reason: 'must be an ISO 8601 time with a zone, e.g. 2026-11-02T09:00:00+09:00' };
  const occurredAt = new Date(timestamp);
  const problem = eventTimeProblem(occurredAt, now);
  if (problem === 'tooLate') return { ok: false, field: 'timestamp', reason: 'is more than a day in the future' };
  if (problem === 'tooEarly') return { ok: false, field: 'timestamp', reason: 'is before 2000' };
  return { ok: true, event: { email, account: account || null, outcome, occurredAt } };
}
