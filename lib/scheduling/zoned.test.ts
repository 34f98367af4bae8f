import { describe, expect, it } from 'vitest';
import { offsetMinutes, wallClock, zonedToUtc } from './zoned';

describe('zonedToUtc', () => {
  it('converts Tokyo times (no DST)', () => {
    expect(zonedToUtc('2027-04-13', '10:00', 'Asia/Tokyo').toISOString()).toBe('2027-04-13T01:00:00.000Z');
    expect(zonedToUtc('2027-01-01', '00:30', 'Asia/Tokyo').toISOString()).toBe('2026-12-31T15:30:00.000Z');
  });

  it('follows New York across daylight saving', () => {
    expect(zonedToUtc('2027-03-13', '10:00', 'America/New_York').toISOString()).toBe('2027-03-13T15:00:00.000Z'); // EST
    expect(zonedToUtc('2027-03-15', '10:00', 'America/New_York').toISOString()).toBe('2027-03-15T14:00:00.000Z'); // EDT
  });

  it('moves a time skipped by spring-forward past the gap', () => {
    const instant = zonedToUtc('2027-03-14', '02:30', 'America/New_York');
    expect(instant.toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(wallClock(instant, 'America/New_York').time).toBe('03:30');
  });

  it('takes the first of a time that happens twice at fall-back', () => {
    expect(zonedToUtc('2027-11-07', '01:30', 'America/New_York').toISOString()).toBe('2027-11-07T05:30:00.000Z'); // EDT
  });

  it('handles Europe/London and a zone with a half-hour offset', () => {
    expect(zonedToUtc('2027-03-28', '09:00', 'Europe/London').toISOString()).toBe('2027-03-28T08:00:00.000Z'); // BST from 01:00 UTC
    expect(zonedToUtc('2027-05-01', '09:00', 'Asia/Kolkata').toISOString()).toBe('2027-05-01T03:30:00.000Z');
  });
});

describe('offsetMinutes', () => {
  it('is the zone ahead of UTC', () => {
    expect(offsetMinutes(new Date('2027-06-01T00:00:00Z'), 'Asia/Tokyo')).toBe(540);
    expect(offsetMinutes(new Date('2027-06-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2027-12-01T00:00:00Z'), 'America/New_York')).toBe(-300);
  });
});
