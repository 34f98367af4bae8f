import { describe, expect, it } from 'vitest';
import { defaultTouchType } from './touch-type';

const type = (id: number, key: string | null, name: string | null, label = name ?? key ?? '') => ({ id, key, name, label });

describe('defaultTouchType', () => {
  it('offers a call first when a type is named like one, in either language', () => {
    expect(defaultTouchType([type(1, 'regular_meeting', null, 'Regular meeting'), type(7, null, 'Phone call')])).toBe(7);
    expect(defaultTouchType([type(1, 'qbr', null, 'QBR'), type(9, null, '電話フォロー')])).toBe(9);
  });

  it('else the first type, and nothing when there is no type', () => {
    expect(defaultTouchType([type(3, 'regular_meeting', null, 'Regular meeting'), type(4, 'qbr', null, 'QBR')])).toBe(3);
    expect(defaultTouchType([])).toBeNull();
  });
});
