import { describe, expect, it } from 'vitest';
import { computeLtv, lifetimeYears } from './ltv';

const ltv = (arr: string | null, margin: string | null, churn: string | null, cap = '10') =>
  computeLtv({ arr, grossMarginPct: margin, annualChurnPct: churn }, cap);

describe('computeLtv', () => {
  it('is ARR × margin × 100 / churn', () => {
    // ¥12,000,000 ARR, 80 % margin, 20 % churn → 5 years → ¥48,000,000
    expect(ltv('12000000', '80', '20')).toEqual({ ltv: '48000000', capped: false, missing: [] });
  });

  it('caps the lifetime; churn 0 means the cap', () => {
    expect(ltv('1000000', '50', '0')).toEqual({ ltv: '5000000', capped: true, missing: [] });
    expect(ltv('1000000', '50', '5')).toEqual({ ltv: '5000000', capped: true, missing: [] }); // 20 y → 10 y
    expect(ltv('1000000', '50', '5', '25')).toEqual({ ltv: '10000000', capped: false, missing: [] });
  });

  it('meets the cap exactly at churn = 100 / cap', () => {
    expect(ltv('1000000', '50', '10')).toEqual({ ltv: '5000000', capped: true, missing: [] });
  });

  it('churn 100 % means one year', () => {
    expect(ltv('3000000', '70', '100')).toEqual({ ltv: '2100000', capped: false, missing: [] });
  });

  it('is exact with decimals and rounds half up to whole units', () => {
    // 100 × 33.33 % × 33.3… years (cap 50) = 1111
    expect(ltv('100', '33.33', '3', '50')?.ltv).toBe('1111');
    // the same under the default 10-year cap: 333.3 → 333
    expect(ltv('100', '33.33', '3')?.ltv).toBe('333');
    // 1 × 50 % / 40 % = 1.25 → 1 ; 3 × 50 % / 40 % = 3.75 → 4 ; 1 × 50 % × 10 y / ... half → up
    expect(ltv('1', '50', '40')?.ltv).toBe('1');
    expect(ltv('3', '50', '40')?.ltv).toBe('4');
    expect(ltv('0.10', '50', '10')?.ltv).toBe('1'); // 0.5 → 1
    expect(ltv('99999999999999.99', '100', '0.01')?.ltv).toBe('1000000000000000'); // 999…999.9 → up
  });

  it('keeps cents exact through the division', () => {
    // 1234567.89 × 29 % / 12 % = 2983539.0675 exactly
    expect(ltv('1234567.89', '29', '12')?.ltv).toBe('2983539');
  });

  it('reports which inputs are missing', () => {
    expect(ltv(null, '80', null)).toEqual({ ltv: null, capped: false, missing: ['arr', 'annualChurnPct'] });
    expect(ltv('', '80', '10')).toEqual({ ltv: null, capped: false, missing: ['arr'] });
  });

  it('zero ARR or margin is an LTV of zero, not missing', () => {
    expect(ltv('0', '80', '10')?.ltv).toBe('0');
    expect(ltv('5000', '0', '10')?.ltv).toBe('0');
  });
});

describe('lifetimeYears', () => {
  it('is 100 / churn, capped', () => {
    expect(lifetimeYears('20', '10')).toBe(5);
    expect(lifetimeYears('0', '10')).toBe(10);
    expect(lifetimeYears('2', '10')).toBe(10);
    expect(lifetimeYears(null, '10')).toBeNull();
  });
});
