import type { DbOrTx } from '@/db/client';
import { admitRequest, ensureUsagePartitions, recordRejections, storeMessages, type Rejected } from '@/db/queries/ingest';
import { getWorkspace } from '@/db/queries/workspace';
import { pgErrorCode } from '@/lib/pg-error';
import { judgeMessage, maxBatchBytes, maxMessageBytes, messageTypes, type Message, type MessageType } from '@/lib/signals/message';
import { readJsonBody } from '@/lib/signals/read-body';
import { hashWriteKey, writeKeyFrom } from '@/lib/signals/write-key';

// The Segment-compatible ingestion API (POST /api/v1/{track,identify,group,
// page,screen,batch}): who sends (a live write key), how often (the key's
// rate a minute, counted in the database), what (a readable JSON body within
// the limits), then each message judged on its own. The valid ones are
// stored and the answer is 200 listing the refused ones; 400 only when the
// body as a whole is unreadable. Answers are JSON in English, as SDKs and
// pipeline logs read them. (No `server-only`: the demo seed, a plain Node
// script, sends its generated usage through here as a pipeline would.)

export type IngestEndpoint = MessageType | 'batch';
export const ingestEndpoints: readonly string[] = [...messageTypes, 'batch'];

export const noStore = { 'Cache-Control': 'no-store' };
/** An API refusal as SDKs and pipeline logs read it: `{ success: false, error }`. */
export const apiFailure = (status: number, error: string, headers: Record<string, string> = {}) => Response.json({ success: false, error }, { status, headers: { ...noStore, ...headers } });
const failure = apiFailure;

/** The oldest instant the retention keeps: `months` calendar months (UTC) before `now`. */
export function retentionStart(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Monthly partitions this process has seen exist: a cache only (a miss or a dropped partition is made again). */
const knownMonths = new Set<number>();

async function store(db: DbOrTx, keyId: number, endpoint: string, accepted: Message[], rejected: Rejected[]): Promise<number> {
  const months = accepted.map((m) => m.occurredAt.getUTCFullYear() * 12 + m.occurredAt.getUTCMonth());
  // One statement when nothing was refused; with refusals, both in one transaction.
  const write = async () =>
    rejected.length
      ? db.transaction(async (tx) => {
          const { stored } = await storeMessages(tx, keyId, accepted);
          await recordRejections(tx, keyId, endpoint, rejected);
          return stored;
        })
      : (await storeMessages(db, keyId, accepted)).stored;
  const ensure = async () => {
    const times = accepted.map((m) => m.occurredAt.getTime());
    await ensureUsagePartitions(db, new Date(Math.min(...times)), new Date(Math.max(...times)));
    for (const m of months) knownMonths.add(m);
  };
  if (accepted.length && months.some((m) => !knownMonths.has(m))) await ensure();
  try {
    return await write();
  } catch (e) {
    // 23514: no partition for a row (dropped by another instance since this one saw it).
    if (pgErrorCode(e) !== '23514' || !accepted.length) throw e;
    knownMonths.clear();
    await ensure();
    return write();
  }
}

/**
 * Who sends and how often, for every API that takes the write keys: a live
 * key within its rate a minute; else the refusal to answer with (401 without
 * a key or with an unknown or revoked one, 429 over the rate).
 */
export async function admitWriteKey(db: DbOrTx, request: Request): Promise<{ id: number } | Response> {
  const key = writeKeyFrom(request.headers.get('authorization'));
  if (!key) return failure(401, 'No write key: send it as the HTTP Basic user name (Segment’s way) or as a Bearer token.', { 'WWW-Authenticate': 'Basic realm="Touchplan ingestion"' });
  const live = await admitRequest(db, hashWriteKey(key));
  if (!live) return failure(401, 'This write key is unknown or was revoked.', { 'WWW-Authenticate': 'Basic realm="Touchplan ingestion"' });
  if (live.requests > live.ratePerMinute)
    return failure(429, `This key is limited to ${live.ratePerMinute} requests a minute; try again in ${live.secondsLeft} s.`, { 'Retry-After': String(live.secondsLeft) });
  return { id: live.id };
}

export async function ingest(db: DbOrTx, request: Request, endpoint: string): Promise<Response> {
  if (!ingestEndpoints.includes(endpoint)) return failure(404, `There is no /v1/${endpoint}: use track, identify, group, page, screen or batch.`);
  const live = await admitWriteKey(db, request);
  if (live instanceof Response) return live;

  const body = await readJsonBody(request, endpoint === 'batch' ? maxBatchBytes : maxMessageBytes);
  if (!body.ok) return failure(body.status, body.error);
  const json = body.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return failure(400, 'The body must be a JSON object.');
  const raw = json as Record<string, unknown>;
  if (endpoint === 'batch' && !Array.isArray(raw.batch)) return failure(400, 'A batch must have "batch": an array of messages.');
  const items: unknown[] = endpoint === 'batch' ? (raw.batch as unknown[]) : [raw];

  const receivedAt = new Date();
  const workspace = await getWorkspace(db);
  const ctx = {
    endpointType: endpoint === 'batch' ? null : (endpoint as MessageType),
    receivedAt,
    oldest: retentionStart(receivedAt, workspace.eventRetentionMonths),
    retentionMonths: workspace.eventRetentionMonths,
    batchSentAt: endpoint === 'batch' ? raw.sentAt : undefined,
  };
  const accepted: Message[] = [];
  const rejected: Rejected[] = [];
  items.forEach((item, position) => {
    const judged = judgeMessage(item, ctx);
    if (judged.ok) accepted.push(judged.message);
    else rejected.push({ position, messageId: judged.messageId, type: judged.type, ...judged.rejection, excerpt: (JSON.stringify(item) ?? String(item)).slice(0, 500) });
  });
  const stored = await store(db, live.id, `/v1/${endpoint}`, accepted, rejected);
  return Response.json(
    {
      success: true,
      accepted: accepted.length,
      duplicates: accepted.length - stored,
      rejected: rejected.map((r) => ({ index: r.position, messageId: r.messageId, field: r.field, reason: r.reason })),
    },
    { headers: noStore },
  );
}
