import type { DbOrTx } from '@/db/client';
import { findCampaignByKey, loadRecipients, recordCampaignEvents } from '@/db/queries/campaigns';
import { recordRejections, type Rejected } from '@/db/queries/ingest';
import { judgeCampaignEvent } from '@/lib/campaigns/api-event';
import { recipientLookupKeys, recipientMatcher, type RecipientKeys } from '@/lib/campaigns/events';
import type { CampaignEventRow } from '@/lib/campaigns/import-plan';
import type { CampaignOutcome } from '@/lib/vocabulary';
import { maxBatchBytes } from '@/lib/signals/message';
import { readJsonBody } from '@/lib/signals/read-body';
import { admitWriteKey, apiFailure, noStore } from './ingest';

// POST /api/v1/campaigns/{key}/events: a sending tool's (or a pipeline's)
// campaign outcomes, with the workspace's write keys and the ingestion API's
// limits and answers (who: a live key; how often: its rate; what: a
// readable JSON body of at most a batch's size). Each event is judged and
// matched on its own; the good ones are stored once (a repeat changes
// nothing), the refused ones listed in the 200 answer and kept for the
// ingestion debugger.

export async function receiveCampaignEvents(db: DbOrTx, request: Request, key: string): Promise<Response> {
  const live = await admitWriteKey(db, request);
  if (live instanceof Response) return live;
  const campaign = await findCampaignByKey(db, key);
  if (!campaign) return apiFailure(404, `There is no campaign with the key "${key.slice(0, 100)}".`);

  const body = await readJsonBody(request, maxBatchBytes);
  if (!body.ok) return apiFailure(body.status, body.error);
  const json = body.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return apiFailure(400, 'The body must be a JSON object: one event, or {"events": [ … ]}.');
  const raw = json as Record<string, unknown>;
  if ('events' in raw && !Array.isArray(raw.events)) return apiFailure(400, '"events" must be an array of events.');
  const items: unknown[] = Array.isArray(raw.events) ? raw.events : [raw];

  const now = new Date();
  const judged: { position: number; event: RecipientKeys & { outcome: CampaignOutcome; occurredAt: Date } }[] = [];
  const rejected: Rejected[] = [];
  const refuse = (position: number, item: unknown, field: string, reason: string) =>
    rejected.push({ position, messageId: null, type: 'campaign_event', field, reason, excerpt: (JSON.stringify(item) ?? String(item)).slice(0, 500) });
  items.forEach((item, position) => {
    const j = judgeCampaignEvent(item, now);
    if (j.ok) judged.push({ position, event: j.event });
    else refuse(position, item, j.field, j.reason);
  });

  const match = recipientMatcher(await loadRecipients(db, recipientLookupKeys(judged.map((j) => j.event))));
  const events: CampaignEventRow[] = [];
  for (const { position, event } of judged) {
    const matched = match(event);
    if (matched) events.push({ ...matched, outcome: event.outcome, occurredAt: event.occurredAt });
    else refuse(position, items[position], event.email ? 'email' : 'account', 'matches no contact or account');
  }
  rejected.sort((a, b) => a.position - b.position);

  const { added } = await db.transaction(async (tx) => {
    const recorded = await recordCampaignEvents(tx, campaign.id, events, 'api');
    await recordRejections(tx, live.id, `/v1/campaigns/${campaign.key}/events`, rejected);
    return recorded;
  });
  return Response.json(
    { success: true, accepted: events.length, duplicates: events.length - added, rejected: rejected.map((r) => ({ index: r.position, field: r.field, reason: r.reason })) },
    { headers: noStore },
  );
}
