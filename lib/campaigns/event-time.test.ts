import { describe, expect, it } from 'vitest';
import { eventTimeProblem } from './event-time';

describe('eventTimeProblem', () => {
  const now = new Date('2026-11-29T00:00:00Z');
  it('takes times from 2000 to a day ahead', () => {
    expect(eventTimeProblem(new Date('2000-01-01T00:00:00Z'), now)).toBeNull();
    expect(eventTimeProblem(new Date('2026-11-29T23:59:00Z'), now)).toBeNull();
    expect(eventTimeProblem(new Date('2026-11-30T00:00:00Z'), now)).toBeNull();
  });
  it('refuses year 0 and other typos before 2000, and anything more than a day ahead', () => {
    expect(eventTimeProblem(new Date('0000-01-01T00:00:00Z'), now)).toBe('tooEarly');
    expect(eventTimeProblem(new Date('1999-12-31T23:59:59Z'), now)).toBe('tooEarly');
    expect(eventTimeProblem(new Date('2026-11-30T00:00:01Z'), now)).toBe('tooLate');
    expect(eventTimeProblem(new Date('2062-11-02T09:00:00+09:00'), now)).toBe('tooLate');
  });
});
