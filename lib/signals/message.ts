import { randomUUID } from 'node:crypto';

// One message of the Segment HTTP tracking API, judged on its own: either a
// normalised message ready to store, or the field that is wrong and why.
// A batch is judged message by message (lib/server/ingest.ts): SDKs drop a
// whole batch on a non-2xx answer, so one bad message must not cost the rest.

export const messageTypes = ['track', 'identify', 'group', 'page', 'screen'] as const;
export type MessageType = (typeof messageTypes)[number];

/** Limits as Segment's, on the decompressed JSON. */
export const maxMessageBytes = 32 * 1024;
export const maxBatchBytes = 500 * 1024;
/** A timestamp more than this ahead of the server's clock is refused. */
export const maxAheadMs = 60 * 60 * 1000;
const maxIdLength = 200;

export type Message = {
  messageId: string;
  type: MessageType;
  /** The event (track), the page's or screen's name; null otherwise. */
  event: string | null;
  /** userId, else `anon:` + anonymousId. */
  userKey: string;
  /** The group named by the message (a group's groupId, else context.groupId); null: the user's last group. */
  groupId: string | null;
  occurredAt: Date;
  properties: Record<string, unknown> | null;
  traits: Record<string, unknown> | null;
};

export type Rejection = { field: string; reason: string };

type Judged = { ok: true; message: Message } | { ok: false; rejection: Rejection; messageId: string | null; type: string | null };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string or a finite number as a trimmed string; undefined when absent; null when of another kind or too long. */
function idOf(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!s) return undefined;
  return s.length > maxIdLength ? null : s;
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date-time, undefined when absent, null when unreadable. */
function dateOf(v: unknown): Date | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !isoDate.test(v.trim())) return null;
  const d = new Date(v.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

export type JudgeContext = {
  /** The endpoint's type (`/v1/track`), or null for a batch, where each message names its own. */
  endpointType: MessageType | null;
  receivedAt: Date;
  /** The oldest instant kept (the retention). */
  oldest: Date;
  retentionMonths: number;
  /** A batch's own sentAt, for messages without one. */
  batchSentAt?: unknown;
};

export function judgeMessage(raw: unknown, ctx: JudgeContext): Judged {
  if (!isObject(raw)) return { ok: false, rejection: { field: 'message', reason: 'must be a JSON object' }, messageId: null, type: null };
  const rawId = idOf(raw.messageId);
  const typeName = typeof raw.type === 'string' ? raw.type : null;
  const reject = (field: string, reason: string): Judged => ({ ok: false, rejection: { field, reason }, messageId: rawId ?? null, type: typeName });

  const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (bytes > maxMessageBytes) return reject('message', `is ${bytes} bytes; the limit is ${maxMessageBytes} (32 KB)`);
  if (rawId === null) return reject('messageId', `must be a string of at most ${maxIdLength} characters`);

  const type = raw.type === undefined && ctx.endpointType ? ctx.endpointType : typeName;
  if (!type) return reject('type', `is required in a batch: one of ${messageTypes.join(', ')}`);
  if (!(messageTypes as readonly string[]).includes(type)) return reject('type', `"${type}" is not supported; one of ${messageTypes.join(', ')}`);
  if (ctx.endpointType && type !== ctx.endpointType) return reject('type', `is "${type}" but was sent to /v1/${ctx.endpointType}`);

  const userId = idOf(raw.userId);
  const anonymousId = idOf(raw.anonymousId);
  if (userId === null) return reject('userId', `must be a string of at most ${maxIdLength} characters`);
  if (anonymousId === null) return reject('anonymousId', `must be a string of at most ${maxIdLength} characters`);
  if (!userId && !anonymousId) return reject('userId', 'userId or anonymousId is required');

  for (const field of ['properties', 'traits', 'context'] as const) {
    if (raw[field] !== undefined && raw[field] !== null && !isObject(raw[field])) return reject(field, 'must be a JSON object');
  }
  const context = isObject(raw.context) ? raw.context : {};
  const contextGroup = idOf(context.groupId);
  if (contextGroup === null) return reject('context.groupId', `must be a string of at most ${maxIdLength} characters`);

  let event: string | null = null;
  let groupId: string | null = contextGroup ?? null;
  if (type === 'track') {
    if (typeof raw.event !== 'string' || !raw.event.trim()) return reject('event', 'is required for track: the event’s name');
    if (raw.event.length > maxIdLength) return reject('event', `must be at most ${maxIdLength} characters`);
    event = raw.event.trim();
  } else if (type === 'page' || type === 'screen') {
    const name = idOf(raw.name);
    if (name === null) return reject('name', `must be a string of at most ${maxIdLength} characters`);
    event = name ?? null;
  } else if (type === 'group') {
    const group = idOf(raw.groupId);
    if (group === null) return reject('groupId', `must be a string of at most ${maxIdLength} characters`);
    if (!group) return reject('groupId', 'is required for group: the account’s external id or domain');
    groupId = group;
  }

  const timestamp = dateOf(raw.timestamp);
  if (timestamp === null) return reject('timestamp', 'must be an ISO 8601 date-time');
  const sentAt = dateOf(raw.sentAt ?? ctx.batchSentAt);
  if (sentAt === null) return reject('sentAt', 'must be an ISO 8601 date-time');
  // Segment's clock-skew correction: the device's clock may be off, but the
  // time between the event and sending it is not.
  const occurredAt = timestamp ? (sentAt ? new Date(ctx.receivedAt.getTime() - (sentAt.getTime() - timestamp.getTime())) : timestamp) : ctx.receivedAt;
  if (occurredAt.getTime() > ctx.receivedAt.getTime() + maxAheadMs) return reject('timestamp', 'is more than an hour ahead of the server’s clock');
  if (occurredAt < ctx.oldest) return reject('timestamp', `is older than the retention of ${ctx.retentionMonths} months`);

  return {
    ok: true,
    message: {
      messageId: rawId ?? `tp-${randomUUID()}`,
      type: type as MessageType,
      event,
      userKey: userId ?? `anon:${anonymousId}`,
      groupId,
      occurredAt,
      properties: isObject(raw.properties) ? raw.properties : null,
      traits: isObject(raw.traits) ? raw.traits : null,
    },
  };
}
