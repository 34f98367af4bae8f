import { describe, expect, it } from 'vitest';
import { touchKinds } from '@/lib/vocabulary';
import { isOneToMany, parseTargetValue, targetValue } from './rule-target';

const typeModel = (id: number) => (id === 1 ? 'high' : id === 2 ? 'low' : undefined);

describe('rule targets', () => {
  it('tells one-to-many rules from high-touch ones', () => {
    expect(isOneToMany({ activityTypeId: 1, touchKind: null }, typeModel)).toBe(false);
    expect(isOneToMany({ activityTypeId: 2, touchKind: null }, typeModel)).toBe(true);
    expect(isOneToMany({ activityTypeId: null, touchKind: 'activity_completed' }, typeModel)).toBe(false);
    expect(isOneToMany({ activityTypeId: null, touchKind: 'content_shared' }, typeModel)).toBe(true);
  });

  it('treats an unknown activity type as high-touch, so its hours are not silently dropped', () => {
    expect(isOneToMany({ activityTypeId: 99, touchKind: null }, typeModel)).toBe(false);
  });

  it('round-trips the editor select value for every target', () => {
    for (const kind of touchKinds) expect(parseTargetValue(targetValue({ activityTypeId: null, touchKind: kind }), touchKinds)).toEqual({ activityTypeId: null, touchKind: kind, campaignId: null });
    expect(parseTargetValue(targetValue({ activityTypeId: 7, touchKind: null }), touchKinds)).toEqual({ activityTypeId: 7, touchKind: null, campaignId: null });
    const campaign = { activityTypeId: null, touchKind: 'campaign_delivered' as const, campaignId: 5 };
    expect(targetValue(campaign)).toBe('campaign:5');
    expect(parseTargetValue('campaign:5', touchKinds)).toEqual(campaign);
  });

  it('counts a campaign rule as one-to-many', () => {
    expect(isOneToMany({ activityTypeId: null, touchKind: 'campaign_delivered', campaignId: 5 }, typeModel)).toBe(true);
  });

  it('gives no target for an unknown value', () => {
    expect(parseTargetValue('kind:smoke_signal', touchKinds)).toEqual({ activityTypeId: null, touchKind: null, campaignId: null });
    expect(parseTargetValue('type:abc', touchKinds)).toEqual({ activityTypeId: null, touchKind: null, campaignId: null });
    expect(parseTargetValue('campaign:x', touchKinds)).toEqual({ activityTypeId: null, touchKind: null, campaignId: null });
  });
});
