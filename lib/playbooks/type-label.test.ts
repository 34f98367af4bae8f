import { describe, expect, it } from 'vitest';
import { activityTypeLabel } from './type-label';

const t = (key: string) => `«${key}»`;

describe('activityTypeLabel', () => {
  it("prefers the admin's name, else the built-in type's translated name", () => {
    expect(activityTypeLabel({ key: 'qbr', name: '四半期レビュー' }, t)).toBe('四半期レビュー');
    expect(activityTypeLabel({ key: 'qbr', name: null }, t)).toBe('«types.qbr»');
    expect(activityTypeLabel({ key: null, name: null }, t)).toBe('');
  });
});
