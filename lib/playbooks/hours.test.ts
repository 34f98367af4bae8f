import { describe, expect, it } from 'vitest';
import type { TouchModel } from '@/lib/vocabulary';
import { hoursOwed, hoursPerAccountMonth, ruleHoursPerMonth } from './hours';

// Activity types by id: 1 regular meeting, 2 QBR, 3 on-site visit (high-touch), 4 webinar (low-touch), 5 user group (community).
const models: Record<number, TouchModel> = { 1: 'high', 2: 'high', 3: 'high', 4: 'low', 5: 'community', 6: 'tech' };
const typeModel = (id: number) => models[id];
const type = (activityTypeId: number) => ({ activityTypeId, touchKind: null });

const tier1 = [
  { ...type(1), every: 1, unit: 'month' as const, hours: '1.5' },
  { ...type(2), every: 3, unit: 'month' as const, hours: '5' },
  { ...type(3), every: 12, unit: 'month' as const, hours: '8' },
];

describe('hours owed', () => {
  it('gives the setup Tier 1 playbook about 4 h per account per month, as DOMAIN.md says', () => {
    expect(hoursPerAccountMonth(tier1, typeModel)).toBeCloseTo(1.5 + 5 / 3 + 8 / 12, 6); // 3.83
  });

  it('is zero for an empty playbook', () => {
    expect(hoursPerAccountMonth([], typeModel)).toBe(0);
  });

  it('scales to a tier and compares with CSM capacity', () => {
    const owed = hoursOwed(tier1, 10, 330, typeModel);
    expect(owed.total).toBeCloseTo(38.33, 2);
    expect(owed.share).toBeCloseTo(0.1162, 3);
    expect(hoursOwed(tier1, 10, 0, typeModel).share).toBeNull();
  });

  it('counts weekly rules by weeks per month', () => {
    expect(hoursPerAccountMonth([{ ...type(1), every: 1, unit: 'week', hours: '0.5' }], typeModel)).toBeCloseTo(2.174, 3);
  });
});

describe('one-to-many rules owe no hours per account', () => {
  it.each([
    ['a low-touch activity type', type(4)],
    ['a community activity type', type(5)],
    ['a tech-touch activity type', type(6)],
    ['shared content', { activityTypeId: null, touchKind: 'content_shared' as const }],
    ['opened content', { activityTypeId: null, touchKind: 'content_opened' as const }],
    ['program attendance', { activityTypeId: null, touchKind: 'program_attended' as const }],
    ['a campaign delivery', { activityTypeId: null, touchKind: 'campaign_delivered' as const }],
  ])('%s contributes 0 h, whatever hours it carries', (_, target) => {
    expect(ruleHoursPerMonth({ ...target, every: 1, unit: 'month', hours: '3' }, typeModel)).toBe(0);
  });

  it('leaves a playbook mixing both models at its high-touch hours', () => {
    const mixed = [...tier1, { activityTypeId: null, touchKind: 'content_shared' as const, every: 1, unit: 'month' as const, hours: '2' }, { ...type(4), every: 1, unit: 'week' as const, hours: '1' }];
    expect(hoursPerAccountMonth(mixed, typeModel)).toBeCloseTo(hoursPerAccountMonth(tier1, typeModel), 6);
  });

  it('counts a rule on any completed activity as a high-touch one', () => {
    expect(ruleHoursPerMonth({ activityTypeId: null, touchKind: 'activity_completed', every: 2, unit: 'month', hours: '3' }, typeModel)).toBeCloseTo(1.5, 6);
  });
});
