import { describe, expect, it } from 'vitest';
import { parseRuleKey, ruleKeyToString } from './rule-key';

describe('rule keys', () => {
  it('round-trips an activity-type rule and a touch-kind rule', () => {
    const qbr = { tier: 1, activityTypeId: 12, touchKind: null, campaignId: null, every: 3, unit: 'month' as const };
    const content = { tier: 2, activityTypeId: null, touchKind: 'content_shared' as const, campaignId: null, every: 1, unit: 'month' as const };
    expect(ruleKeyToString(qbr)).toBe('1.a12.3.month');
    expect(parseRuleKey('1.a12.3.month')).toEqual(qbr);
    expect(parseRuleKey(ruleKeyToString(content))).toEqual(content);
  });

  it('round-trips a rule on one campaign', () => {
    const onboarding = { tier: 3, activityTypeId: null, touchKind: 'campaign_delivered' as const, campaignId: 5, every: 1, unit: 'month' as const };
    expect(ruleKeyToString(onboarding)).toBe('3.c5.1.month');
    expect(parseRuleKey('3.c5.1.month')).toEqual(onboarding);
  });

  it('ignores anything else', () => {
    for (const bad of [undefined, '', '4.a1.3.month', '1.a1.3.fortnight', '1.k.gossip.1.month', '1.a1.0.month', "1.a1.3.month' or 1=1", '1.a99999999999.3.month', '3.c.1.month', '3.cx.1.month']) {
      expect(parseRuleKey(bad)).toBeUndefined();
    }
  });
});
