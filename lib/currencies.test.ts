import { describe, expect, it } from 'vitest';
import { minorUnits, moneyRuleError, plainAmount, typedAmount } from './currencies';

describe('plainAmount', () => {
  it("writes the currency's own minor units", () => {
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('USD')).toBe(2);
    expect(plainAmount('5040000.00', 'JPY')).toBe('5040000');
    expect(plainAmount('5040000', 'USD')).toBe('5040000.00');
    expect(plainAmount('100.5', 'EUR')).toBe('100.50');
    expect(plainAmount('-3.00', 'KRW')).toBe('-3');
  });

  it('keeps digits that carry a value', () => {
    expect(plainAmount('12.50', 'JPY')).toBe('12.5');
    expect(plainAmount('0.125', 'USD')).toBe('0.125');
  });
});

describe('moneyRuleError', () => {
  it("holds an amount to the currency's own minor units", () => {
    expect(moneyRuleError('1200000', 'JPY')).toBeNull();
    expect(moneyRuleError('1200000.00', 'JPY')).toBeNull();
    expect(moneyRuleError('1200000.5', 'JPY')).toEqual({ key: 'validation.moneyWhole', values: { currency: 'JPY' } });
    expect(moneyRuleError('10.5', 'KRW')).toEqual({ key: 'validation.moneyWhole', values: { currency: 'KRW' } });
    expect(moneyRuleError('10.25', 'USD')).toBeNull();
    expect(moneyRuleError('10.255', 'USD')).toEqual({ key: 'validation.moneyDecimals', values: { currency: 'USD', digits: 2 } });
    expect(moneyRuleError(null, 'JPY')).toBeNull();
  });
});

describe('typedAmount', () => {
  it('reads an amount as people type it', () => {
    expect(typedAmount('30000000')).toBe('30000000');
    expect(typedAmount('30,000,000')).toBe('30000000');
    expect(typedAmount('¥ 30,000,000')).toBe('30000000');
    expect(typedAmount('３０００００')).toBe('300000');
    expect(typedAmount('12.5')).toBe('12.5');
    expect(typedAmount('abc')).toBeNull();
    expect(typedAmount('')).toBeNull();
  });
});
