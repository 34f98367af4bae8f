import { describe, expect, it } from 'vitest';
import { withParams } from '@/lib/url-params';
import { parseCalendarParams, parseTeamFilters } from './params';

describe('parseCalendarParams', () => {
  it('defaults to this week', () => {
    expect(parseCalendarParams({}, '2026-11-23')).toEqual({ view: 'week', date: '2026-11-23', isToday: true });
  });

  it('reads the view and date, and ignores what it does not know', () => {
    expect(parseCalendarParams({ view: 'month', date: '2027-02-14' }, '2026-11-23')).toEqual({ view: 'month', date: '2027-02-14', isToday: false });
    expect(parseCalendarParams({ view: 'year', date: '2027-02-30' }, '2026-11-23')).toEqual({ view: 'week', date: '2026-11-23', isToday: true });
    expect(parseCalendarParams({ view: ['agenda', 'month'] }, '2026-11-23').view).toBe('agenda');
  });
});

describe('parseTeamFilters', () => {
  it('reads a CSM, a tier and a page', () => {
    expect(parseTeamFilters({ csm: '12', tier: '1', page: '3' })).toEqual({ csmId: 12, tier: 1, page: 3 });
  });

  it('treats anything else as "all" and page 1', () => {
    expect(parseTeamFilters({ csm: 'all', tier: '4', page: '-2' })).toEqual({ csmId: undefined, tier: undefined, page: 1 });
    expect(parseTeamFilters({ csm: '1.5', tier: '', page: 'x' })).toEqual({ csmId: undefined, tier: undefined, page: 1 });
    expect(parseTeamFilters({ csm: '99999999999' }).csmId).toBeUndefined();
    expect(parseTeamFilters({ page: '1e300' }).page).toBe(1);
  });
});

describe('withParams', () => {
  it('changes and removes keys, keeping the others', () => {
    expect(withParams({ view: 'week', csm: '3' }, { date: '2026-11-30' })).toBe('?view=week&csm=3&date=2026-11-30');
    expect(withParams({ view: 'week', date: '2026-11-30' }, { date: undefined, view: '' })).toBe('');
  });
});
