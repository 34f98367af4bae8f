import { describe, expect, it } from 'vitest';
import { newNonce, pagePolicy } from './csp';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(name + ' '));

describe('pagePolicy', () => {
  it('lets scripts run only with the nonce, and keeps the framing, base, form and plugin rules', () => {
    const policy = pagePolicy({ nonce: 'abc', dev: false, https: false });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    expect(directive(policy, 'script-src')).not.toContain('unsafe-inline');
    for (const d of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) expect(policy).toContain(d);
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('allows eval in development only, and upgrades requests only over https', () => {
    expect(directive(pagePolicy({ nonce: 'n', dev: true, https: false }), 'script-src')).toContain("'unsafe-eval'");
    expect(pagePolicy({ nonce: 'n', dev: false, https: true })).toContain('upgrade-insecure-requests');
  });
});

describe('newNonce', () => {
  it('is 128 random bits, different each time', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
