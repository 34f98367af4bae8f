import { describe, expect, it } from 'vitest';
import { hoursOwed, hoursPerAccountMonth } from './hours';

const tier1 = [
  { every: 1, unit: 'month' as const, hours: '1.5' },
  { every: 3, unit: 'month' as const, hours: '5' },
  { every: 12, unit: 'month' as const, hours: '8' },
];

describe('hours owed', () => {
  it('gives the setup Tier 1 playbook about 4 h per account per month, as DOMAIN.md says', () => {
    expect(hoursPerAccountMonth(tier1)).toBeCloseTo(1.5 + 5 / 3 + 8 / 12, 6); // 3.83
  });

  it('is zero for an empty playbook', () => {
    expect(hoursPerAccountMonth([])).toBe(0);
  });

  it('scales to a tier and compares with CSM capacity', () => {
    const owed = hoursOwed(tier1, 10, 330);
    expect(owed.total).toBeCloseTo(38.33, 2);
    expect(owed.share).toBeCloseTo(0.1162, 3);
    expect(hoursOwed(tier1, 10, 0).share).toBeNull();
  });

  it('counts weekly rules by weeks per month', () => {
    expect(hoursPerAccountMonth([{ every: 1, unit: 'week', hours: '0.5' }])).toBeCloseTo(2.174, 3);
  });
});
