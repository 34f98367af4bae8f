import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSecret, retryable, signBody, verifySignature } from './webhook';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ type: 'alert.nudge', account: { name: '株式会社テスト' } });

  it('signs the exact body bytes with HMAC-SHA256', () => {
    const hex = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signBody(body, secret)).toBe(`sha256=${hex}`);
  });

  it('verifies its own signature and refuses a changed body, another secret or none', () => {
    const sig = signBody(body, secret);
    expect(verifySignature(body, secret, sig)).toBe(true);
    expect(verifySignature(body.replace('テスト', 'テスド'), secret, sig)).toBe(false);
    expect(verifySignature(body, 'whsec_other', sig)).toBe(false);
    expect(verifySignature(body, secret, null)).toBe(false);
    expect(verifySignature(body, secret, 'sha256=00')).toBe(false);
  });

  it('retries what may pass later, not a refused request', () => {
    expect([null, 408, 425, 429, 500, 502, 503].map(retryable)).toEqual([true, true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 410, 422].map(retryable)).toEqual([false, false, false, false, false, false]);
  });

  it('makes a long random secret', () => {
    const a = newSecret(randomBytes);
    expect(a).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(newSecret(randomBytes)).not.toBe(a);
  });
});
