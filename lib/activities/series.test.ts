import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import type { Recurrence } from '@/lib/scheduling/recurrence';
import { defaultClosures, workingCalendar } from '@/lib/scheduling/holidays';
import {
  closedOccurrences,
  maxUntil,
  parseRule,
  planSeriesEdit,
  ruleDefaults,
  ruleFrom,
  seriesOccurrences,
  seriesWarnings,
  type ExistingOccurrence,
  type SeriesShape,
} from './series';

const secondTuesday: Recurrence = { freq: 'monthlyNth', interval: 1, weekday: 2, nth: 2 };

describe('ruleDefaults', () => {
  it('reads weekday, day of month and which weekday of the month from the start date', () => {
    expect(ruleDefaults('2027-01-12')).toEqual({ weekday: 2, day: 12, nth: 2 }); // second Tuesday
    expect(ruleDefaults('2027-01-01')).toEqual({ weekday: 5, day: 1, nth: 1 });
    expect(ruleDefaults('2027-01-28')).toEqual({ weekday: 4, day: 28, nth: 4 });
    expect(ruleDefaults('2027-03-30')).toEqual({ weekday: 2, day: 30, nth: -1 }); // a fifth Tuesday: "last"
  });
});

describe('maxUntil', () => {
  it('is two years after the start, or after today for a series that began earlier', () => {
    expect(maxUntil('2027-01-12', '2026-11-22')).toBe('2029-01-12');
    expect(maxUntil('2026-01-12', '2026-11-22')).toBe('2028-11-22');
    expect(maxUntil('2028-02-29', '2026-11-22')).toBe('2030-02-28');
  });
});

describe('rules', () => {
  it('are built from form fields, ignoring the ones a frequency does not use', () => {
    const fields = { interval: 2, weekday: 2, day: 31, nth: 2 as const };
    expect(ruleFrom({ ...fields, freq: 'weekly' })).toEqual({ freq: 'weekly', interval: 2, weekday: 2 });
    expect(ruleFrom({ ...fields, freq: 'monthly' })).toEqual({ freq: 'monthly', interval: 2, day: 31 });
    expect(ruleFrom({ ...fields, freq: 'monthlyNth' })).toEqual({ freq: 'monthlyNth', interval: 2, weekday: 2, nth: 2 });
  });
  it('read back from storage, and anything else is refused', () => {
    expect(parseRule(secondTuesday)).toEqual(secondTuesday);
    expect(() => parseRule({ freq: 'monthlyNth', interval: 1, weekday: 2, nth: 5 })).toThrow();
    expect(() => parseRule({ freq: 'daily', interval: 1 })).toThrow();
    expect(() => parseRule(null)).toThrow();
  });
});

describe('seriesWarnings', () => {
  const shape: SeriesShape = { rule: secondTuesday, start: '2026-11-01', until: '2027-03-31', time: '10:00', timeZone: 'Asia/Tokyo' };
  const occ = seriesOccurrences(shape);
  it('lists past occurrences and the ones that clash, from one list of the owner\'s activities', () => {
    expect(occ.map((o) => o.date)).toEqual(['2026-11-10', '2026-12-08', '2027-01-12', '2027-02-09', '2027-03-09']);
    const busy = [
      { startsAt: new Date('2027-01-12T01:30:00Z'), durationMinutes: 30 }, // 10:30 Tokyo on Jan 12
      { startsAt: new Date('2027-02-09T00:00:00Z'), durationMinutes: 60 }, // 09:00–10:00: back to back, free
      { startsAt: new Date('2027-03-08T23:00:00Z'), durationMinutes: 180 }, // 08:00–11:00 on Mar 9
    ];
    expect(seriesWarnings({ occurrences: occ, durationMinutes: 60, now: new Date('2026-12-01T00:00:00Z'), ownerBusy: busy })).toEqual({
      past: ['2026-11-10'],
      doubleBooked: ['2027-01-12', '2027-03-09'],
    });
  });
});

// Existing occurrences as the database holds them, made from a series shape.
function rows(shape: SeriesShape, overrides: Record<string, Partial<ExistingOccurrence>> = {}): ExistingOccurrence[] {
  return seriesOccurrences(shape).map((o, i) => ({ id: i + 1, date: o.date, startsAt: o.startsAt, status: 'planned', detached: false, ...overrides[o.date] }));
}

describe('planSeriesEdit', () => {
  const now = new Date('2027-01-20T00:00:00Z');
  const tokyo: SeriesShape = { rule: secondTuesday, start: '2026-12-01', until: '2027-06-30', time: '10:00', timeZone: 'Asia/Tokyo' };
  // Dec 8 (past), Jan 12 (past), Feb 9, Mar 9, Apr 13, May 11, Jun 8.

  it('changing the time retimes future planned rows in place and leaves the past alone', () => {
    const plan = planSeriesEdit(rows(tokyo), { ...tokyo, time: '15:00' }, now);
    expect(plan.untouched).toEqual([1, 2]);
    expect(plan.update.map((u) => [u.id, u.date, u.startsAt.toISOString(), u.changed])).toEqual([
      [3, '2027-02-09', '2027-02-09T06:00:00.000Z', true],
      [4, '2027-03-09', '2027-03-09T06:00:00.000Z', true],
      [5, '2027-04-13', '2027-04-13T06:00:00.000Z', true],
      [6, '2027-05-11', '2027-05-11T06:00:00.000Z', true],
      [7, '2027-06-08', '2027-06-08T06:00:00.000Z', true],
    ]);
    expect(plan.insert).toEqual([]);
    expect(plan.delete).toEqual([]);
  });

  it('extending until adds occurrences; shortening deletes future planned ones only', () => {
    const longer = planSeriesEdit(rows(tokyo), { ...tokyo, until: '2027-08-31' }, now);
    expect(longer.insert.map((i) => i.date)).toEqual(['2027-07-13', '2027-08-10']);
    expect(longer.update.every((u) => !u.changed)).toBe(true);
    const shorter = planSeriesEdit(rows(tokyo), { ...tokyo, until: '2027-03-31' }, now);
    expect(shorter.delete).toEqual([5, 6, 7]);
    expect(shorter.update.map((u) => u.id)).toEqual([3, 4]);
    // Shortening to before today deletes every future one but keeps the history.
    const ended = planSeriesEdit(rows(tokyo), { ...tokyo, until: '2027-01-15' }, now);
    expect(ended).toEqual({ update: [], insert: [], delete: [3, 4, 5, 6, 7], untouched: [1, 2] });
  });

  it('never touches completed, cancelled or individually edited occurrences, and does not book their dates again', () => {
    const existing = rows(tokyo, {
      '2027-02-09': { status: 'cancelled' },
      '2027-03-09': { detached: true, startsAt: new Date('2027-03-11T01:00:00Z') }, // moved to Thursday on its own
      '2027-04-13': { status: 'completed' },
    });
    const plan = planSeriesEdit(existing, { ...tokyo, time: '11:00', until: '2027-07-31' }, now);
    expect(plan.untouched).toEqual([1, 2, 3, 4, 5]);
    expect(plan.update.map((u) => u.id)).toEqual([6, 7]);
    expect(plan.insert.map((i) => i.date)).toEqual(['2027-07-13']);
    expect(plan.delete).toEqual([]);
  });

  it('a new rule moves each row to the new date in its month, so ids stay', () => {
    const thirdThursday: Recurrence = { freq: 'monthlyNth', interval: 1, weekday: 4, nth: 3 };
    const plan = planSeriesEdit(rows(tokyo), { ...tokyo, rule: thirdThursday }, now);
    expect(plan.update.map((u) => [u.id, u.date])).toEqual([
      [3, '2027-02-18'],
      [4, '2027-03-18'],
      [5, '2027-04-15'],
      [6, '2027-05-20'],
      [7, '2027-06-17'],
    ]);
    // January's was on the 12th and is past; the 21st is still ahead, so it is booked.
    expect(plan.insert.map((i) => i.date)).toEqual(['2027-01-21']);
    expect(plan.delete).toEqual([]);
    // Every other month: the months in between lose theirs.
    const bimonthly = planSeriesEdit(rows(tokyo), { ...tokyo, rule: { ...secondTuesday, interval: 2 } }, now);
    // From the Dec start: Dec, Feb, Apr, Jun.
    expect(bimonthly.update.map((u) => u.id)).toEqual([3, 5, 7]);
    expect(bimonthly.delete).toEqual([4, 6]);
  });

  it('monthly on the 31st lands on month ends; moving to the 30th keeps each row', () => {
    const on31: SeriesShape = { rule: { freq: 'monthly', interval: 1, day: 31 }, start: '2027-01-01', until: '2027-06-30', time: '09:00', timeZone: 'Asia/Tokyo' };
    const existing = rows(on31);
    expect(existing.map((r) => r.date)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30']);
    const plan = planSeriesEdit(existing, { ...on31, rule: { freq: 'monthly', interval: 1, day: 30 } }, now);
    // Feb 28, Apr 30 and Jun 30 still fit; the 31sts move to the 30th.
    expect(plan.update.map((u) => [u.id, u.date, u.changed])).toEqual([
      [1, '2027-01-30', true],
      [2, '2027-02-28', false],
      [3, '2027-03-30', true],
      [4, '2027-04-30', false],
      [5, '2027-05-30', true],
      [6, '2027-06-30', false],
    ]);
    expect(plan.untouched).toEqual([]);
  });

  it('keeps 10:00 in New York across the DST change when the time moves', () => {
    const ny: SeriesShape = { rule: { freq: 'weekly', interval: 1, weekday: 2 }, start: '2027-03-02', until: '2027-03-23', time: '10:00', timeZone: 'America/New_York' };
    const existing = rows(ny);
    expect(existing.map((r) => r.startsAt.toISOString())).toEqual([
      '2027-03-02T15:00:00.000Z',
      '2027-03-09T15:00:00.000Z',
      '2027-03-16T14:00:00.000Z', // EDT from March 14
      '2027-03-23T14:00:00.000Z',
    ]);
    const plan = planSeriesEdit(existing, { ...ny, time: '09:30' }, new Date('2027-03-05T00:00:00Z'));
    expect(plan.update.map((u) => u.startsAt.toISOString())).toEqual(['2027-03-09T14:30:00.000Z', '2027-03-16T13:30:00.000Z', '2027-03-23T13:30:00.000Z']);
    expect(plan.update.map((u) => u.startsAt.getTime())).toEqual(['2027-03-09', '2027-03-16', '2027-03-23'].map((d) => zonedToUtc(d, '09:30', 'America/New_York').getTime()));
  });

  it('weekly: a new weekday moves each row within its week; every two weeks drops the weeks between', () => {
    const weekly: SeriesShape = { rule: { freq: 'weekly', interval: 1, weekday: 2 }, start: '2027-02-01', until: '2027-02-28', time: '10:00', timeZone: 'Asia/Tokyo' };
    const existing = rows(weekly); // Feb 2, 9, 16, 23
    const thursday = planSeriesEdit(existing, { ...weekly, rule: { freq: 'weekly', interval: 1, weekday: 4 } }, now);
    expect(thursday.update.map((u) => [u.id, u.date])).toEqual([
      [1, '2027-02-04'],
      [2, '2027-02-11'],
      [3, '2027-02-18'],
      [4, '2027-02-25'],
    ]);
    const fortnightly = planSeriesEdit(existing, { ...weekly, rule: { freq: 'weekly', interval: 2, weekday: 2 } }, now);
    expect(fortnightly.update.map((u) => u.id)).toEqual([1, 3]);
    expect(fortnightly.delete).toEqual([2, 4]);
  });

  it('an overdue planned occurrence is left for the CSM to log, not moved', () => {
    const plan = planSeriesEdit(rows(tokyo), { ...tokyo, time: '09:00' }, new Date('2027-02-09T02:00:00Z'));
    // Feb 9 10:00 Tokyo (01:00Z) has passed: it stays as it is; 09:00 on Feb 9 is past too, so it is not rebooked.
    expect(plan.untouched).toEqual([1, 2, 3]);
    expect(plan.update.map((u) => u.date)).toEqual(['2027-03-09', '2027-04-13', '2027-05-11', '2027-06-08']);
    expect(plan.insert).toEqual([]);
  });
});

describe('series on closed days', () => {
  const japan = workingCalendar({ country: 'JP', closures: defaultClosures('JP', 'Year-end closure'), fromYear: 2027, toYear: 2028, language: 'en' });
  const shape = { rule: { freq: 'monthly', interval: 1, day: 3 } as const, start: '2027-05-03', until: '2027-11-30', time: '15:00', timeZone: 'Asia/Tokyo', calendar: japan };

  it('flags the dates on a weekend, holiday or closure, with the working day each would move to', () => {
    expect(closedOccurrences(['2027-05-03', '2027-06-03', '2027-07-03', '2027-11-03', '2027-12-30'], japan)).toEqual([
      { date: '2027-05-03', reason: { kind: 'holiday', name: 'Constitution Day' }, movesTo: '2027-05-06' },
      { date: '2027-07-03', reason: { kind: 'weekend' }, movesTo: '2027-07-05' },
      { date: '2027-11-03', reason: { kind: 'holiday', name: 'Culture Day' }, movesTo: '2027-11-04' },
      { date: '2027-12-30', reason: { kind: 'closure', name: 'Year-end closure' }, movesTo: '2028-01-04' },
    ]);
  });

  it('keeps, skips or moves them; a moved one keeps its series date', () => {
    expect(seriesOccurrences({ ...shape, onClosedDay: 'keep' })).toHaveLength(7);
    expect(seriesOccurrences({ ...shape, onClosedDay: 'skip' }).map((o) => o.date)).toEqual(['2027-06-03', '2027-08-03', '2027-09-03']);
    const moved = seriesOccurrences({ ...shape, onClosedDay: 'move' });
    expect(moved[0]).toEqual({ date: '2027-05-03', startsAt: new Date('2027-05-06T06:00:00Z') });
    expect(moved).toHaveLength(7);
  });
});
