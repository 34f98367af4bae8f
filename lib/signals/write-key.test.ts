import { describe, expect, it } from 'vitest';
import { hashWriteKey, newWriteKey, writeKeyFrom } from './write-key';

describe('write keys', () => {
  it('are long, random, and kept only as a hash with a short prefix', () => {
    const a = newWriteKey();
    const b = newWriteKey();
    expect(a.key).toMatch(/^tpk_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).toBe(a.key.slice(0, 10));
    expect(a.hash).toBe(hashWriteKey(a.key));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are read from HTTP Basic (key as user name, as Segment sends it) or a Bearer token', () => {
    const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
    expect(writeKeyFrom(basic('tpk_abc:'))).toBe('tpk_abc');
    expect(writeKeyFrom(basic('tpk_abc'))).toBe('tpk_abc');
    expect(writeKeyFrom(basic('tpk_abc:ignored'))).toBe('tpk_abc');
    expect(writeKeyFrom('Bearer tpk_abc')).toBe('tpk_abc');
    expect(writeKeyFrom('bearer  tpk_abc')).toBe('tpk_abc');
    expect(writeKeyFrom(null)).toBeNull();
    expect(writeKeyFrom('Token tpk_abc')).toBeNull();
    expect(writeKeyFrom(basic(':password'))).toBeNull();
    expect(writeKeyFrom('Basic')).toBeNull();
  });
});
