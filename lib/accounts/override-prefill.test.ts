import { describe, expect, it } from 'vitest';
import { overrideHref, overridePrefill } from './override-prefill';

describe('overridePrefill', () => {
  it('reads back the tier and reason a link carries, and opens the form', () => {
    const url = new URL(overrideHref(42, 2, 'Cost to serve ¥30,000 is 30% of ARR ¥100,000 & more'), 'http://x');
    expect(url.pathname).toBe('/accounts/42');
    expect(url.hash).toBe('#override');
    expect(overridePrefill(Object.fromEntries(url.searchParams))).toEqual({ open: true, tier: 2, reason: 'Cost to serve ¥30,000 is 30% of ARR ¥100,000 & more' });
  });

  it('keeps the form closed with nothing to fill in, ignores a tier that does not exist, and cuts a reason to what the field takes', () => {
    expect(overridePrefill({})).toEqual({ open: false, tier: undefined, reason: undefined });
    expect(overridePrefill({ overrideTier: '4' })).toEqual({ open: false, tier: undefined, reason: undefined });
    expect(overridePrefill({ overrideReason: 'x'.repeat(1200) }).reason).toHaveLength(1000);
  });
});
