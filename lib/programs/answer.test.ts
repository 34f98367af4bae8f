import { describe, expect, it } from 'vitest';
import { acceptsAnswers, answerOutcome, seatFree } from './answer';

describe('an invitee answering', () => {
  it('registers while seats are free, else joins the waitlist', () => {
    expect(answerOutcome('invited', 'register', true)).toEqual({ status: 'registered', freesSeat: false });
    expect(answerOutcome('invited', 'register', false)).toEqual({ status: 'waitlisted', freesSeat: false });
    // Changing their mind after declining or cancelling.
    expect(answerOutcome('declined', 'register', true)).toEqual({ status: 'registered', freesSeat: false });
    expect(answerOutcome('cancelled', 'register', false)).toEqual({ status: 'waitlisted', freesSeat: false });
  });

  it('declines before registering, cancels after, and only a registered seat is freed', () => {
    expect(answerOutcome('invited', 'decline', true)).toEqual({ status: 'declined', freesSeat: false });
    expect(answerOutcome('registered', 'decline', true)).toEqual({ status: 'cancelled', freesSeat: true });
    expect(answerOutcome('waitlisted', 'decline', false)).toEqual({ status: 'cancelled', freesSeat: false });
  });

  it('changes nothing when answering twice or after attendance was recorded', () => {
    expect(answerOutcome('registered', 'register', true)).toBeNull();
    expect(answerOutcome('waitlisted', 'register', true)).toBeNull();
    expect(answerOutcome('declined', 'decline', true)).toBeNull();
    expect(answerOutcome('attended', 'decline', true)).toBeNull();
    expect(answerOutcome('no_show', 'register', true)).toBeNull();
  });

  it('takes answers until the session ends, never for a cancelled one', () => {
    const session = { startsAt: '2026-12-01T01:00:00Z', durationMinutes: 60, cancelled: false };
    expect(acceptsAnswers(session, new Date('2026-12-01T01:59:00Z'))).toBe(true);
    expect(acceptsAnswers(session, new Date('2026-12-01T02:00:00Z'))).toBe(false);
    expect(acceptsAnswers({ ...session, cancelled: true }, new Date('2026-11-01T00:00:00Z'))).toBe(false);
  });
});

describe('seats', () => {
  it('has room without a capacity, and under it only beyond those already waiting', () => {
    expect(seatFree(null, 500, 0)).toBe(true);
    expect(seatFree(10, 9, 0)).toBe(true);
    expect(seatFree(10, 10, 0)).toBe(false);
    // A seat freed while two wait is theirs, not a newcomer's.
    expect(seatFree(10, 9, 2)).toBe(false);
    expect(seatFree(10, 7, 2)).toBe(true);
  });
});
