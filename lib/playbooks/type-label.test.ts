import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import { activityTypeLabel, builtInActivityTypes } from './type-label';

const t = (key: string) => `«${key}»`;

describe('activityTypeLabel', () => {
  it("prefers the admin's name, else the built-in type's translated name", () => {
    expect(activityTypeLabel({ key: 'qbr', name: '四半期レビュー' }, t)).toBe('四半期レビュー');
    expect(activityTypeLabel({ key: 'qbr', name: null }, t)).toBe('«types.qbr»');
    expect(activityTypeLabel({ key: 'unknown_kind', name: null }, t)).toBe('unknown_kind');
    expect(activityTypeLabel({ key: null, name: null }, t)).toBe('');
  });

  it('names every built-in type in the catalog, and nothing else', () => {
    expect(Object.keys(en.playbooks.types).sort()).toEqual([...builtInActivityTypes].sort());
  });
});
