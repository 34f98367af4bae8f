import { describe, expect, it } from 'vitest';
import { signInDelayMs, throttleState, windowLock } from './throttle';

const now = new Date('2026-11-22T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const times = (n: number, spreadMinutes = 10) => Array.from({ length: n }, (_, i) => minutesAgo((i * spreadMinutes) / n));

describe('windowLock', () => {
  it('allows four failures', () => {
    expect(windowLock([1, 2, 3, 4].map(minutesAgo), 5, now)).toEqual({ locked: false });
  });

  it('locks at the fifth failure inside 15 minutes and says how long', () => {
    expect(windowLock([0, 1, 2, 3, 4].map(minutesAgo), 5, now)).toEqual({ locked: true, retryAfterMinutes: 11 });
    expect(windowLock([0, 0, 0, 0, 0].map(minutesAgo), 5, now)).toEqual({ locked: true, retryAfterMinutes: 15 });
  });

  it('ignores failures older than the window', () => {
    expect(windowLock([1, 2, 3, 4, 15, 20].map(minutesAgo), 5, now)).toEqual({ locked: false });
  });

  it('opens when the oldest counted failure leaves the window, rounding the wait up to whole minutes', () => {
    expect(windowLock([10, 11, 12, 13, 14.5].map(minutesAgo), 5, now)).toEqual({ locked: true, retryAfterMinutes: 1 });
    expect(windowLock([10, 11, 12, 13, 15].map(minutesAgo), 5, now)).toEqual({ locked: false });
    expect(windowLock([0, 1, 2, 3, 4.5].map(minutesAgo), 5, now)).toEqual({ locked: true, retryAfterMinutes: 11 });
  });

  it('counts the limit-th most recent failure when there are more', () => {
    expect(windowLock([0, 1, 2, 3, 5, 14].map(minutesAgo), 5, now)).toEqual({ locked: true, retryAfterMinutes: 10 });
  });
});

describe('throttleState', () => {
  it('locks an email for one address after 5 failures from it', () => {
    expect(throttleState({ pairFailures: times(4), addressFailures: times(4) }, now)).toEqual({ locked: false });
    expect(throttleState({ pairFailures: times(5), addressFailures: times(5) }, now)).toMatchObject({ locked: true, scope: 'pair' });
  });

  it('locks an address after 30 failures across emails, even for an email it has not tried', () => {
    expect(throttleState({ pairFailures: [], addressFailures: times(29) }, now)).toEqual({ locked: false });
    expect(throttleState({ pairFailures: [], addressFailures: times(30, 5) }, now)).toEqual({
      locked: true,
      scope: 'address',
      retryAfterMinutes: 11,
    });
  });

  it('reports the address lock when both apply', () => {
    expect(throttleState({ pairFailures: times(5), addressFailures: times(30) }, now)).toMatchObject({ scope: 'address' });
  });
});

describe('signInDelayMs', () => {
  it('does not slow the first few failures of an email', () => {
    expect([0, 1, 4].map(signInDelayMs)).toEqual([0, 0, 0]);
  });

  it('grows with failures from anywhere and stops at a few seconds', () => {
    expect([5, 6, 7, 8, 9, 10, 50, 10_000].map(signInDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000, 4000]);
  });
});
