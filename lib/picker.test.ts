import { describe, expect, it } from 'vitest';
import { filterOptions } from './picker';
import { offsetLabel, timeZoneOptions, utcOffsetMinutes } from './time-zones';

// A winter day: no summer time in the north.
const options = timeZoneOptions(new Date('2027-01-15T00:00:00Z'));
const values = (query: string) => filterOptions(options, query).map((o) => o.value);

describe('time-zone picker', () => {
  it('lists every zone once with its UTC offset, west to east', () => {
    expect(options.length).toBeGreaterThan(400);
    expect(options.find((o) => o.value === 'Asia/Tokyo')?.label).toBe('(UTC+09:00) Asia/Tokyo');
    expect(options.find((o) => o.value === 'America/New_York')?.label).toBe('(UTC−05:00) America/New York');
    expect(options.find((o) => o.value === 'Asia/Colombo')?.label).toBe('(UTC+05:30) Asia/Colombo');
    expect(options.findIndex((o) => o.value === 'America/New_York')).toBeLessThan(options.findIndex((o) => o.value === 'Asia/Tokyo'));
  });

  it('finds a zone by city, region or offset', () => {
    expect(values('tokyo')).toEqual(['Asia/Tokyo']);
    expect(values('new york')).toEqual(['America/New_York']);
    expect(values('NEW_YORK')).toEqual(['America/New_York']);
    expect(values('+9')).toContain('Asia/Tokyo');
    expect(values('+9')).toContain('Asia/Seoul');
    expect(values('+9')).not.toContain('Asia/Colombo');
    expect(values('utc+5:30')).toContain('Asia/Colombo');
    expect(values('+05:30')).toContain('Asia/Colombo');
    expect(values('asia tok')[0]).toBe('Asia/Tokyo'); // before Vladivostok, which only contains it
    expect(values('tok')[0]).toBe('Asia/Tokyo');
    expect(values('nowhere at all')).toEqual([]);
    expect(values('')).toHaveLength(options.length);
  });

  it('reads offsets in summer time too', () => {
    expect(utcOffsetMinutes('America/New_York', new Date('2027-07-01T00:00:00Z'))).toBe(-240);
    expect(offsetLabel(-210)).toBe('UTC−03:30');
  });
});
