import { describe, expect, it } from 'vitest';
import { describeChange } from './audit-describe';

describe('describeChange', () => {
  it('pairs before and after per field', () => {
    expect(describeChange({ role: 'csm', capacityHours: 110 }, { role: 'manager', capacityHours: 60 })).toEqual([
      { field: 'role', from: 'csm', to: 'manager' },
      { field: 'capacityHours', from: '110', to: '60' },
    ]);
  });
  it('shows only the side that exists, and null as a dash', () => {
    expect(describeChange(null, { email: 'a@b.example', locale: null })).toEqual([
      { field: 'email', to: 'a@b.example' },
      { field: 'locale', to: '—' },
    ]);
    expect(describeChange(undefined, undefined)).toEqual([]);
  });
});
