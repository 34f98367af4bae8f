import { describe, expect, it } from 'vitest';
import { changedFields, sameDecimal } from './audit-diff';

describe('changedFields', () => {
  it('keeps only the fields that differ', () => {
    expect(changedFields({ a: 1, b: 'x' }, { a: 2, b: 'x' }, ['a', 'b'])).toEqual({ before: { a: 1 }, after: { a: 2 } });
  });
  it('can treat the same amount written differently as equal', () => {
    expect(changedFields({ arr: '1200000.00' }, { arr: '1200000' }, ['arr'], sameDecimal)).toEqual({ before: {}, after: {} });
    expect(sameDecimal('1.5', '1.50')).toBe(true);
    expect(sameDecimal('1.5', '1.6')).toBe(false);
    expect(sameDecimal(null, '0')).toBe(false);
  });
});
