import { describe, expect, it } from 'vitest';
import { conditionKinds, conditionProblems, newCondition, normalScope } from './conditions';

describe('alert conditions', () => {
  it('start every kind with values that can be saved', () => {
    for (const kind of conditionKinds) expect(conditionProblems(newCondition(kind))).toEqual({});
    expect(newCondition('pricing_views')).toEqual({ kind: 'pricing_views', views: 3, days: 7 });
  });

  it('name the field that cannot be saved, and why', () => {
    expect(conditionProblems({ kind: 'pricing_views', views: 0, days: 31 })).toEqual({
      views: { message: 'validation.tooSmall', values: { min: 1 } },
      days: { message: 'validation.tooBig', values: { max: 30 } },
    });
    expect(conditionProblems({ kind: 'nps_low', max: 6.5 })).toEqual({ max: { message: 'validation.wholeNumber' } });
    expect(conditionProblems({ kind: 'no_activity' } as never)).toEqual({ days: { message: 'validation.required' } });
    expect(conditionProblems({ kind: 'band_poor' })).toEqual({});
  });

  it('keep a scope of known tiers and stages, each once, in order', () => {
    expect(normalScope({ tiers: [3, 1, 3, 7], stages: ['mature', 'onboarding', 'gone'] })).toEqual({ tiers: [1, 3], stages: ['onboarding', 'mature'] });
    expect(normalScope({ tiers: 'all' })).toEqual({ tiers: [], stages: [] });
  });
});
