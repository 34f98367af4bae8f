import { describe, expect, it } from 'vitest';
import { throttleState } from './throttle';

const now = new Date('2026-11-22T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('throttleState', () => {
  it('allows four failures', () => {
    expect(throttleState([1, 2, 3, 4].map(minutesAgo), now)).toEqual({ locked: false });
  });

  it('locks at the fifth failure inside 15 minutes and says how long', () => {
    expect(throttleState([0, 1, 2, 3, 4].map(minutesAgo), now)).toEqual({ locked: true, retryAfterMinutes: 11 });
  });

  it('ignores failures older than the window', () => {
    expect(throttleState([1, 2, 3, 4, 15, 20].map(minutesAgo), now)).toEqual({ locked: false });
  });

  it('opens when the oldest counted failure leaves the window', () => {
    expect(throttleState([10, 11, 12, 13, 14.5].map(minutesAgo), now)).toEqual({ locked: true, retryAfterMinutes: 1 });
    expect(throttleState([10, 11, 12, 13, 15].map(minutesAgo), now)).toEqual({ locked: false });
  });

  it('counts the fifth most recent failure when there are more', () => {
    expect(throttleState([0, 1, 2, 3, 5, 14].map(minutesAgo), now)).toEqual({ locked: true, retryAfterMinutes: 10 });
  });
});
