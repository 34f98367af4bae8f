import { describe, expect, it } from 'vitest';
import { monthsOf, readCoverageView, trendRange } from './params';

const ctx = { userId: 7, seesAll: true, today: '2026-11-28', fiscalYearStartMonth: 4 };

describe('coverage trend months', () => {
  it('shows the 12 months up to a short period', () => {
    expect(trendRange({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(trendRange({ from: '2026-08-31', to: '2026-11-28' })).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });
  it('shows every month of a longer period', () => {
    expect(trendRange({ from: '2025-01-15', to: '2026-06-30' })).toEqual({ from: '2025-01-01', to: '2026-06-30' });
  });
  it('lists the months', () => {
    expect(monthsOf({ from: '2025-11-01', to: '2026-02-28' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('readCoverageView', () => {
  it('keeps a CSM on their own book whatever the URL says', () => {
    const v = readCoverageView({ csm: '99' }, { ...ctx, seesAll: false });
    expect(v.ownerId).toBe(7);
    expect(v.csmParam).toBeUndefined();
  });
  it('lets a manager choose a CSM or the unassigned accounts', () => {
    expect(readCoverageView({ csm: '99' }, ctx).ownerId).toBe(99);
    expect(readCoverageView({ csm: 'none' }, ctx).ownerId).toBeNull();
    expect(readCoverageView({}, ctx).ownerId).toBeUndefined();
  });
  it('reads tier, rule and status, ignoring what it does not know', () => {
    const v = readCoverageView({ tier: '1', rule: '1.a3.3.month', status: 'due' }, ctx);
    expect(v.tier).toBe(1);
    expect(v.rule).toEqual({ tier: 1, activityTypeId: 3, touchKind: null, campaignId: null, every: 3, unit: 'month' });
    expect(v.statuses).toEqual(['on_time', 'late', 'missed', 'overdue']);
    const junk = readCoverageView({ tier: '9', rule: 'x', status: 'nope' }, ctx);
    expect(junk).toMatchObject({ tier: undefined, rule: undefined, statuses: ['overdue', 'missed'] });
  });
});
