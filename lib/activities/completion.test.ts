import { describe, expect, it } from 'vitest';
import { earlyCompletion } from './completion';

const now = new Date('2026-11-28T06:00:00Z');

describe('earlyCompletion', () => {
  it('keeps the planned time once it has come', () => {
    expect(earlyCompletion(new Date('2026-11-28T05:00:00Z'), now, false)).toEqual({});
    expect(earlyCompletion(now, now, false)).toEqual({});
  });

  it('asks first, then moves an activity completed before its start to now', () => {
    const ahead = new Date('2026-12-03T06:00:00Z');
    expect(earlyCompletion(ahead, now, false)).toEqual({ warning: { key: 'activities.completeEarly' } });
    expect(earlyCompletion(ahead, now, true)).toEqual({ startsAt: now });
  });
});
