import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, 0)).toBe('unknown');
    expect(clientAddress(undefined, 1)).toBe('unknown');
    expect(clientAddress({}, 1)).toBe('unknown');
  });

  it('takes the value the trusted proxy appended, not what the client wrote before it', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, 1)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.9' }, 1)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.2' }, 2)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9' }, 3)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': ['1.1.1.1', '203.0.113.9'] }, 1)).toBe('203.0.113.9');
  });

  it('normalises ports, brackets, case and IPv4-mapped IPv6, and refuses what is not an address', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.9:5123' }, 1)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': '[2001:DB8::1]:443' }, 1)).toBe('2001:db8::1');
    expect(clientAddress({ 'x-forwarded-for': '::ffff:203.0.113.9' }, 1)).toBe('203.0.113.9');
    expect(clientAddress({ 'x-forwarded-for': 'evil, <script>' }, 1)).toBe('unknown');
    expect(clientAddress({ 'x-forwarded-for': 'x'.repeat(5000) }, 1)).toBe('unknown');
  });
});
