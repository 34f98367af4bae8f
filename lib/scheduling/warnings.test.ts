import { describe, expect, it } from 'vitest';
import { overlaps, scheduleWarnings } from './warnings';

const at = (iso: string) => new Date(iso);
const base = {
  startsAt: at('2027-01-12T01:00:00Z'),
  durationMinutes: 60,
  now: at('2026-11-22T00:00:00Z'),
  ownerBusy: [],
  playbookTypeIds: [1, 2],
  activityTypeId: 2,
};

describe('scheduleWarnings', () => {
  it('is quiet for a future slot the playbook asks for', () => {
    expect(scheduleWarnings(base)).toEqual([]);
  });
  it('warns about the past, a double booking and a type outside the playbook', () => {
    expect(
      scheduleWarnings({
        ...base,
        startsAt: at('2026-11-01T01:00:00Z'),
        ownerBusy: [{ startsAt: at('2026-11-01T01:30:00Z'), durationMinutes: 30 }],
        activityTypeId: 9,
      }),
    ).toEqual(['past', 'doubleBooked', 'notInPlaybook']);
  });
});

describe('overlaps', () => {
  it('treats back-to-back meetings as free', () => {
    expect(overlaps({ startsAt: at('2027-01-12T01:00:00Z'), durationMinutes: 60 }, { startsAt: at('2027-01-12T02:00:00Z'), durationMinutes: 30 })).toBe(false);
    expect(overlaps({ startsAt: at('2027-01-12T01:00:00Z'), durationMinutes: 61 }, { startsAt: at('2027-01-12T02:00:00Z'), durationMinutes: 30 })).toBe(true);
  });
});
