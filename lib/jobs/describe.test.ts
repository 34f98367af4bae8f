import { describe, expect, it } from 'vitest';
import { failureReason, summariseJobData } from './describe';

describe('failureReason', () => {
  it('reads the message of a thrown error, first line only, without its stack', () => {
    expect(failureReason({ name: 'Error', message: 'mail server said no', stack: 'Error: mail server said no\n    at run (jobs.ts:1)' })).toEqual({ kind: 'error', message: 'mail server said no' });
    expect(failureReason({ message: 'first line\nsecond line' })).toEqual({ kind: 'error', message: 'first line' });
  });

  it("names pg-boss's own timeouts, and says nothing it does not know", () => {
    expect(failureReason({ value: { message: 'job timed out' } })).toEqual({ kind: 'timeout' });
    expect(failureReason({ value: { message: 'job heartbeat timeout' } })).toEqual({ kind: 'heartbeat' });
    expect(failureReason({ value: 'disk full' })).toEqual({ kind: 'error', message: 'disk full' });
    expect(failureReason(null)).toEqual({ kind: 'unknown' });
    expect(failureReason({})).toEqual({ kind: 'unknown' });
  });

  it('hides credentials in an address the error quotes, and cuts a long message', () => {
    expect(failureReason({ message: 'connect ECONNREFUSED smtp://mailer:hunter2@mail.example:587' })).toEqual({ kind: 'error', message: 'connect ECONNREFUSED smtp://•••@mail.example:587' });
    const long = failureReason({ message: 'x'.repeat(1000) });
    expect(long.kind === 'error' && long.message.length).toBe(300);
  });
});

describe('summariseJobData', () => {
  it('lists scalar fields as name and value', () => {
    expect(summariseJobData({ sessionId: 42, batchId: 'b-7' })).toEqual([
      { name: 'sessionId', value: '42' },
      { name: 'batchId', value: 'b-7' },
    ]);
  });

  it('never shows what a secret-looking field holds, nor credentials in an address', () => {
    const fields = summariseJobData({ token: 'abc123', apiKey: 'k', password: 'p', smtp: 'smtp://u:pw@host', sessionId: 3 });
    expect(fields).toEqual([
      { name: 'token', value: '•••' },
      { name: 'apiKey', value: '•••' },
      { name: 'password', value: '•••' },
      { name: 'smtp', value: 'smtp://•••@host' },
      { name: 'sessionId', value: '3' },
    ]);
    expect(JSON.stringify(fields)).not.toMatch(/abc123|pw@/);
  });

  it('shortens nested values and long strings, and keeps to a few fields', () => {
    expect(summariseJobData({ ids: [1, 2, 3], filter: { tier: 2 }, note: 'y'.repeat(100) })).toEqual([
      { name: 'ids', value: '[3]' },
      { name: 'filter', value: '{…}' },
      { name: 'note', value: `${'y'.repeat(59)}…` },
    ]);
    expect(summariseJobData(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i])))).toHaveLength(6);
    expect(summariseJobData(null)).toEqual([]);
    expect(summariseJobData({})).toEqual([]);
  });
});
