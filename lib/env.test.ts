import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertProductionConfig, secureCookies, trustedProxyHops } from './env';

afterEach(() => vi.unstubAllEnvs());

describe('assertProductionConfig', () => {
  it('lets the embedded demo start with nothing set', () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    expect(() => assertProductionConfig()).not.toThrow();
  });

  it('refuses production without a secret, saying what to set', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://db.internal/touchplan');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('NEXTAUTH_URL', 'https://touchplan.example');
    expect(() => assertProductionConfig()).toThrow(/NEXTAUTH_SECRET is not set.*openssl rand/s);
  });

  it('refuses a short secret and a plain-http public URL', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://db.internal/touchplan');
    vi.stubEnv('NEXTAUTH_SECRET', 'short');
    vi.stubEnv('NEXTAUTH_URL', 'http://touchplan.example');
    expect(() => assertProductionConfig()).toThrow(/at least 32 characters[\s\S]*must be an https:\/\/ URL/);
  });

  it('accepts a complete production configuration', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://db.internal/touchplan');
    vi.stubEnv('NEXTAUTH_SECRET', 'x'.repeat(40));
    vi.stubEnv('NEXTAUTH_URL', 'https://touchplan.example');
    expect(() => assertProductionConfig()).not.toThrow();
    expect(secureCookies()).toBe(true);
  });
});

describe('trustedProxyHops', () => {
  it('trusts X-Forwarded-For only when TRUST_PROXY says how many proxies append to it', () => {
    for (const [value, hops] of [['', 0], ['0', 0], ['1', 1], ['true', 1], ['2', 2], ['yes please', 0]] as const) {
      vi.stubEnv('TRUST_PROXY', value);
      expect(trustedProxyHops()).toBe(hops);
    }
  });

  it('refuses to start production with a TRUST_PROXY it does not understand', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://db.internal/touchplan');
    vi.stubEnv('NEXTAUTH_SECRET', 'x'.repeat(40));
    vi.stubEnv('NEXTAUTH_URL', 'https://touchplan.example');
    vi.stubEnv('TRUST_PROXY', 'yes please');
    expect(() => assertProductionConfig()).toThrow(/TRUST_PROXY must be the number of proxies/);
  });
});
