import { describe, expect, it } from 'vitest';
import { workingCalendar } from '@/lib/scheduling/holidays';
import { weekendsOnly } from '@/lib/scheduling/working-days';
import { assignTimes, defaultDuration, toTime } from './times';

const japan = workingCalendar({ country: 'JP', closures: [], fromYear: 2027, toYear: 2027, language: 'en' });

describe('defaultDuration', () => {
  it('knows the seeded activity types', () => {
    expect(defaultDuration('regular_meeting', '1.5')).toBe(60);
    expect(defaultDuration('qbr', '5')).toBe(90);
    expect(defaultDuration('onsite_visit', '8')).toBe(240);
  });

  it('takes half the playbook hours for other types, in quarter hours, 30 minutes to 4 hours', () => {
    expect(defaultDuration(null, '3')).toBe(90);
    expect(defaultDuration(null, '0.25')).toBe(30);
    expect(defaultDuration('custom', '20')).toBe(240);
    expect(defaultDuration(null, '1.25')).toBe(45);
  });
});

describe('assignTimes', () => {
  const at = (date: string, durationMinutes: number, id = date) => ({ id, date, durationMinutes });

  it('starts at 10:00 and stacks the day without overlaps', () => {
    const out = assignTimes([at('2027-03-10', 60, 'a'), at('2027-03-10', 90, 'b'), at('2027-03-11', 60, 'c'), at('2027-03-10', 45, 'd')], [], weekendsOnly);
    expect(out.map((o) => [o.id, o.date, o.time])).toEqual([
      ['a', '2027-03-10', '10:00'],
      ['b', '2027-03-10', '11:00'],
      ['c', '2027-03-11', '10:00'],
      ['d', '2027-03-10', '12:30'],
    ]);
  });

  it("works around the CSM's own activities", () => {
    const busy = [{ date: '2027-03-10', start: 600, end: 660 }, { date: '2027-03-10', start: 690, end: 780 }];
    expect(assignTimes([at('2027-03-10', 30), at('2027-03-10', 60)], busy, weekendsOnly).map((o) => o.time)).toEqual(['11:00', '13:00']);
  });

  it('moves to the next weekday when the day is full, and keeps the date when the next days are full too', () => {
    const visit = at('2027-03-12', 480); // a Friday, a full day
    const [first, second] = assignTimes([visit, at('2027-03-12', 60)], [], weekendsOnly);
    expect([first?.date, first?.time]).toEqual(['2027-03-12', '10:00']);
    expect([second?.date, second?.time]).toEqual(['2027-03-15', '10:00']); // Monday
    const fullWeek = ['2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15'].map((date) => ({ date, start: 0, end: 1440 }));
    expect(assignTimes([at('2027-03-10', 60)], fullWeek, weekendsOnly).map((o) => [o.date, o.time])).toEqual([['2027-03-10', '10:00']]);
  });

  it('moves a full day to the next working day, past a public holiday', () => {
    // Friday 2027-07-16 is full; Monday 07-19 is Marine Day, so Tuesday.
    const [, second] = assignTimes([at('2027-07-16', 480), at('2027-07-16', 60)], [], japan);
    expect([second?.date, second?.time]).toEqual(['2027-07-20', '10:00']);
  });

  it("starts at the time the account's last one started when that is free, else the first free slot", () => {
    const pref = (date: string, preferredTime: string) => ({ date, durationMinutes: 60, preferredTime });
    expect(assignTimes([pref('2027-03-10', '15:00')], [], weekendsOnly).map((o) => o.time)).toEqual(['15:00']);
    const busy = [{ date: '2027-03-10', start: 900, end: 960 }];
    expect(assignTimes([pref('2027-03-10', '15:00')], busy, weekendsOnly).map((o) => o.time)).toEqual(['10:00']);
    // Two meetings that day: the first keeps 15:00, the second goes to the first free slot.
    expect(assignTimes([pref('2027-03-11', '15:00'), pref('2027-03-11', '15:00')], [], weekendsOnly).map((o) => o.time)).toEqual(['15:00', '10:00']);
  });

  it('fits an activity longer than the working day from its start', () => {
    expect(assignTimes([at('2027-03-10', 600)], [], weekendsOnly).map((o) => o.time)).toEqual(['10:00']);
    expect(toTime(9 * 60 + 5)).toBe('09:05');
  });
});
