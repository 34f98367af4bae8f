import { describe, expect, it } from 'vitest';
import { withParams } from '@/lib/url-params';
import { parseAccountFilters } from './list-params';

const csm = { id: 7, role: 'csm' as const };
const manager = { id: 2, role: 'manager' as const };

describe('parseAccountFilters', () => {
  it('lands a CSM on their own book and a manager on everything', () => {
    expect(parseAccountFilters({}, csm).ownerId).toBe(7);
    expect(parseAccountFilters({}, manager).ownerId).toBeUndefined();
    expect(parseAccountFilters({ owner: 'all' }, csm).ownerId).toBeUndefined();
    expect(parseAccountFilters({ owner: 'none' }, manager).ownerId).toBe('none');
    expect(parseAccountFilters({ owner: '12' }, manager).ownerId).toBe(12);
  });

  it('never passes on an id, page or search the database cannot take', () => {
    expect(parseAccountFilters({ owner: '99999999999' }, manager).ownerId).toBeUndefined();
    expect(parseAccountFilters({ page: '1e300' }, manager).page).toBe(1);
    expect(parseAccountFilters({ page: 'Infinity' }, manager).page).toBe(1);
    expect(parseAccountFilters({ q: 'ac\u0000me' }, manager).q).toBe('acme');
  });

  it('reads tiers, stage, renewal window, source, sort and page, ignoring junk', () => {
    expect(
      parseAccountFilters({ tier: '2,1,9,1', stage: 'at_risk', renewal: '90', source: 'override', sort: 'ltv', dir: 'desc', page: '3', q: ' acme ' }, manager),
    ).toEqual({ q: 'acme', tiers: [2, 1], ownerId: undefined, stage: 'at_risk', renewalWithinDays: 90, tierSource: 'override', sort: 'ltv', dir: 'desc', page: 3 });
    expect(parseAccountFilters({ stage: 'x', renewal: '-4', source: 'y', sort: 'password', page: 'abc' }, manager)).toMatchObject({
      stage: undefined,
      renewalWithinDays: undefined,
      tierSource: undefined,
      sort: undefined,
      page: 1,
    });
  });
});

describe('parseAccountFilters: health', () => {
  it('reads one band or several, in a fixed order, with "none" for no score yet, ignoring junk', () => {
    expect(parseAccountFilters({ health: 'poor' }, manager).health).toEqual(['poor']);
    expect(parseAccountFilters({ health: 'none,good,poor,good' }, manager).health).toEqual(['poor', 'good', 'none']);
    expect(parseAccountFilters({ health: 'average,excellent' }, manager).health).toEqual(['average']);
    expect(parseAccountFilters({ health: 'excellent' }, manager).health).toBeUndefined();
    expect(parseAccountFilters({ health: '' }, manager).health).toBeUndefined();
  });

  it('reads an audience saved before health was a criterion as it was', () => {
    expect(parseAccountFilters(Object.fromEntries(new URLSearchParams('tier=1%2C2&stage=adopting&owner=all')), manager)).toMatchObject({ tiers: [1, 2], stage: 'adopting', health: undefined });
  });
});

describe('withParams', () => {
  it('changes and removes keys, keeping the rest', () => {
    expect(withParams({ q: 'a', page: '4', tier: '1' }, { page: undefined, sort: 'arr' })).toBe('?q=a&tier=1&sort=arr');
    expect(withParams({}, {})).toBe('');
  });
});
