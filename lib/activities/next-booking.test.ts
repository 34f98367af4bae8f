import { describe, expect, it } from 'vitest';
import { nextBookingSlot } from './next-booking';

describe('nextBookingSlot', () => {
  it('is a quarter after a QBR, same time, in the planner\'s zone', () => {
    // 14:00 in Tokyo on 2027-01-12.
    expect(nextBookingSlot({ startsAt: new Date('2027-01-12T05:00:00Z') }, { every: 3, unit: 'month' }, 'Asia/Tokyo')).toEqual({ date: '2027-04-12', time: '14:00' });
  });
  it('reads the date in the zone, not in UTC', () => {
    // 08:30 on Jan 1 in Tokyo is still Dec 31 in UTC.
    expect(nextBookingSlot({ startsAt: new Date('2026-12-31T23:30:00Z') }, { every: 1, unit: 'month' }, 'Asia/Tokyo')).toEqual({ date: '2027-02-01', time: '08:30' });
  });
  it('keeps the wall-clock time across a DST change and clamps month ends', () => {
    // 10:00 EST on Nov 30 → Feb 28 (no 30th), still 10:00 local.
    expect(nextBookingSlot({ startsAt: new Date('2026-11-30T15:00:00Z') }, { every: 3, unit: 'month' }, 'America/New_York')).toEqual({ date: '2027-02-28', time: '10:00' });
    // 10:00 EST on Feb 2 → 10:00 EDT on May 2.
    expect(nextBookingSlot({ startsAt: new Date('2027-02-02T15:00:00Z') }, { every: 3, unit: 'month' }, 'America/New_York')).toEqual({ date: '2027-05-02', time: '10:00' });
  });
  it('follows week and day cadences', () => {
    expect(nextBookingSlot({ startsAt: new Date('2027-03-01T01:00:00Z') }, { every: 2, unit: 'week' }, 'Asia/Tokyo')).toEqual({ date: '2027-03-15', time: '10:00' });
    expect(nextBookingSlot({ startsAt: new Date('2027-03-01T01:00:00Z') }, { every: 45, unit: 'day' }, 'Asia/Tokyo')).toEqual({ date: '2027-04-15', time: '10:00' });
  });
});
