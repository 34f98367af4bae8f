import { describe, expect, it } from 'vitest';
import { judgeMessage, type JudgeContext } from './message';

const receivedAt = new Date('2026-11-29T10:00:00Z');
const ctx: JudgeContext = { endpointType: null, receivedAt, oldest: new Date('2025-10-01T00:00:00Z'), retentionMonths: 13 };
const track = { type: 'track', messageId: 'm-1', userId: 'u-1', event: 'Report Exported', timestamp: '2026-11-29T09:00:00Z', context: { groupId: 'acme.co.jp' } };

const rejection = (raw: unknown, c: Partial<JudgeContext> = {}) => {
  const judged = judgeMessage(raw, { ...ctx, ...c });
  return judged.ok ? null : judged.rejection;
};

describe('judgeMessage', () => {
  it('normalises a track message: user, group from the context, time, properties', () => {
    const judged = judgeMessage({ ...track, properties: { plan: 'pro' } }, ctx);
    expect(judged).toEqual({
      ok: true,
      message: { messageId: 'm-1', type: 'track', event: 'Report Exported', userKey: 'u-1', groupId: 'acme.co.jp', occurredAt: new Date('2026-11-29T09:00:00Z'), properties: { plan: 'pro' }, traits: null },
    });
  });

  it('takes the type from the endpoint, and refuses another type sent to it', () => {
    const untyped = { ...track, type: undefined };
    expect(judgeMessage(untyped, { ...ctx, endpointType: 'track' }).ok).toBe(true);
    expect(rejection(untyped)).toEqual({ field: 'type', reason: expect.stringContaining('required in a batch') });
    expect(rejection(track, { endpointType: 'identify' })).toEqual({ field: 'type', reason: 'is "track" but was sent to /v1/identify' });
    expect(rejection({ ...track, type: 'alias' })?.field).toBe('type');
  });

  it('names an anonymous user by their anonymous id, and needs one of the two', () => {
    const judged = judgeMessage({ ...track, userId: undefined, anonymousId: 'a-9' }, ctx);
    expect(judged.ok && judged.message.userKey).toBe('anon:a-9');
    expect(rejection({ ...track, userId: undefined })).toEqual({ field: 'userId', reason: 'userId or anonymousId is required' });
    expect(rejection({ ...track, userId: 42 })).toBeNull();
    expect(rejection({ ...track, userId: { id: 1 } })?.field).toBe('userId');
  });

  it('needs an event for track and a group id for group', () => {
    expect(rejection({ ...track, event: ' ' })?.field).toBe('event');
    expect(rejection({ type: 'group', userId: 'u-1' })).toEqual({ field: 'groupId', reason: expect.stringContaining('required') });
    const group = judgeMessage({ type: 'group', userId: 'u-1', groupId: 'ACME-001', traits: { name: 'Acme' } }, ctx);
    expect(group.ok && group.message).toMatchObject({ groupId: 'ACME-001', traits: { name: 'Acme' }, event: null });
    const page = judgeMessage({ type: 'page', userId: 'u-1', name: 'Pricing' }, ctx);
    expect(page.ok && page.message.event).toBe('Pricing');
  });

  it('corrects the device clock with sentAt, as Segment does', () => {
    // The device's clock is 2 hours fast: the event happened 5 minutes before it was sent.
    const judged = judgeMessage({ ...track, timestamp: '2026-11-29T11:55:00Z', sentAt: '2026-11-29T12:00:00Z' }, ctx);
    expect(judged.ok && judged.message.occurredAt).toEqual(new Date('2026-11-29T09:55:00Z'));
    const batch = judgeMessage({ ...track, timestamp: '2026-11-29T11:55:00Z' }, { ...ctx, batchSentAt: '2026-11-29T12:00:00Z' });
    expect(batch.ok && batch.message.occurredAt).toEqual(new Date('2026-11-29T09:55:00Z'));
    const untimed = judgeMessage({ ...track, timestamp: undefined }, ctx);
    expect(untimed.ok && untimed.message.occurredAt).toEqual(receivedAt);
  });

  it('refuses times more than an hour ahead or older than the retention, and accepts a backfill in between', () => {
    expect(rejection({ ...track, timestamp: '2026-11-29T11:00:01Z' })?.reason).toContain('more than an hour ahead');
    expect(rejection({ ...track, timestamp: '2026-11-29T10:59:00Z' })).toBeNull();
    expect(rejection({ ...track, timestamp: '2025-09-30T23:59:59Z' })?.reason).toBe('is older than the retention of 13 months');
    expect(rejection({ ...track, timestamp: '2025-10-01T00:00:00Z' })).toBeNull();
    expect(rejection({ ...track, timestamp: 'yesterday' })).toEqual({ field: 'timestamp', reason: 'must be an ISO 8601 date-time' });
    expect(rejection({ ...track, sentAt: 12 })?.field).toBe('sentAt');
  });

  it('refuses messages over 32 KB, non-objects and fields of the wrong kind', () => {
    expect(rejection({ ...track, properties: { blob: 'x'.repeat(33 * 1024) } })?.reason).toMatch(/^is \d+ bytes; the limit is 32768/);
    expect(rejection('track')).toEqual({ field: 'message', reason: 'must be a JSON object' });
    expect(rejection({ ...track, properties: [1, 2] })).toEqual({ field: 'properties', reason: 'must be a JSON object' });
    expect(rejection({ ...track, messageId: 'x'.repeat(201) })?.field).toBe('messageId');
    expect(rejection({ ...track, context: { groupId: ['a'] } })?.field).toBe('context.groupId');
  });

  it('gives a message without an id one of its own', () => {
    const judged = judgeMessage({ ...track, messageId: undefined }, ctx);
    expect(judged.ok && judged.message.messageId).toMatch(/^tp-[0-9a-f-]{36}$/);
  });
});
