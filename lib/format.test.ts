import { describe, expect, it } from 'vitest';
import { formatMoney, formatPct } from './format';

describe('formatMoney', () => {
  it('formats exactly, beyond float precision', () => {
    expect(formatMoney('123456789012345678', 'JPY', 'en')).toBe('¥123,456,789,012,345,678');
    expect(formatMoney('1234.50', 'USD', 'en')).toBe('$1,234.50');
    expect(formatMoney(null, 'JPY', 'ja')).toBe('—');
  });
  it('can be compact for summaries', () => {
    expect(formatMoney('62400000', 'JPY', 'en', { compact: true })).toBe('¥62.4M');
  });
});

describe('formatPct', () => {
  it('shows up to two decimals', () => {
    expect(formatPct('12.50', 'en')).toBe('12.5 %');
  });
});
