import { describe, expect, it } from 'vitest';
import { defaultClosures, workingCalendar } from '@/lib/scheduling/holidays';
import type { WorkingCalendar } from '@/lib/scheduling/working-days';
import { nextBookingSlot } from './next-booking';

// Every day open: the cadence arithmetic on its own.
const open: WorkingCalendar = { weekend: [], closed: {} };
const japan = workingCalendar({ country: 'JP', closures: defaultClosures('JP', 'Year-end closure'), fromYear: 2027, toYear: 2028, language: 'en' });

describe('nextBookingSlot', () => {
  it('is a quarter after a QBR, same time, in the planner\'s zone', () => {
    // 14:00 in Tokyo on 2027-01-12.
    expect(nextBookingSlot({ startsAt: new Date('2027-01-12T05:00:00Z') }, { every: 3, unit: 'month' }, 'Asia/Tokyo', open)).toEqual({ date: '2027-04-12', time: '14:00' });
  });
  it('reads the date in the zone, not in UTC', () => {
    // 08:30 on Jan 1 in Tokyo is still Dec 31 in UTC.
    expect(nextBookingSlot({ startsAt: new Date('2026-12-31T23:30:00Z') }, { every: 1, unit: 'month' }, 'Asia/Tokyo', open)).toEqual({ date: '2027-02-01', time: '08:30' });
  });
  it('keeps the wall-clock time across a DST change and clamps month ends', () => {
    // 10:00 EST on Nov 30 → Feb 28 (no 30th), still 10:00 local.
    expect(nextBookingSlot({ startsAt: new Date('2026-11-30T15:00:00Z') }, { every: 3, unit: 'month' }, 'America/New_York', open)).toEqual({ date: '2027-02-28', time: '10:00' });
    // 10:00 EST on Feb 2 → 10:00 EDT on May 2.
    expect(nextBookingSlot({ startsAt: new Date('2027-02-02T15:00:00Z') }, { every: 3, unit: 'month' }, 'America/New_York', open)).toEqual({ date: '2027-05-02', time: '10:00' });
  });
  it('follows week and day cadences', () => {
    expect(nextBookingSlot({ startsAt: new Date('2027-03-01T01:00:00Z') }, { every: 2, unit: 'week' }, 'Asia/Tokyo', open)).toEqual({ date: '2027-03-15', time: '10:00' });
    expect(nextBookingSlot({ startsAt: new Date('2027-03-01T01:00:00Z') }, { every: 45, unit: 'day' }, 'Asia/Tokyo', open)).toEqual({ date: '2027-04-15', time: '10:00' });
  });

  it('never offers a weekend, a holiday or the year-end closure: the next working day, with the reason', () => {
    // Completed Thu 2027-06-17 15:00 Tokyo, monthly → Sat 07-17 → not Mon 07-19 (Marine Day) → Tue 07-20.
    expect(nextBookingSlot({ startsAt: new Date('2027-06-17T06:00:00Z') }, { every: 1, unit: 'month' }, 'Asia/Tokyo', japan)).toEqual({
      date: '2027-07-20',
      time: '15:00',
      moved: { from: '2027-07-17', reason: { kind: 'weekend' } },
    });
    // A QBR on 2027-02-03 → 2027-05-03, Constitution Day (Golden Week) → Thursday 05-06.
    expect(nextBookingSlot({ startsAt: new Date('2027-02-03T01:00:00Z') }, { every: 3, unit: 'month' }, 'Asia/Tokyo', japan)).toMatchObject({
      date: '2027-05-06',
      moved: { reason: { kind: 'holiday', name: 'Constitution Day' } },
    });
    // Monthly from 2027-11-30 → 2027-12-30, in the year-end closure → 2028-01-04.
    expect(nextBookingSlot({ startsAt: new Date('2027-11-30T01:00:00Z') }, { every: 1, unit: 'month' }, 'Asia/Tokyo', japan)).toMatchObject({
      date: '2028-01-04',
      moved: { reason: { kind: 'closure', name: 'Year-end closure' } },
    });
    // A working day stays as it is.
    expect(nextBookingSlot({ startsAt: new Date('2027-01-12T05:00:00Z') }, { every: 3, unit: 'month' }, 'Asia/Tokyo', japan)).toEqual({ date: '2027-04-12', time: '14:00' });
  });
});
