import type { InvitationStatus } from '@/lib/vocabulary';

export type Answer = 'register' | 'decline';

/**
 * What an invitee's answer on their page makes of their invitation: register
 * takes a seat when one is free, else a place on the waitlist; decline
 * before registering is declining, after it cancelling (which frees a seat
 * if they had one). Null when it changes nothing (answering twice, or after
 * attendance was recorded).
 */
export function answerOutcome(current: InvitationStatus, answer: Answer, seatFree: boolean): { status: InvitationStatus; freesSeat: boolean } | null {
  if (current === 'attended' || current === 'no_show') return null;
  if (answer === 'register') {
    if (current === 'registered' || current === 'waitlisted') return null;
    return { status: seatFree ? 'registered' : 'waitlisted', freesSeat: false };
  }
  if (current === 'registered') return { status: 'cancelled', freesSeat: true };
  if (current === 'waitlisted') return { status: 'cancelled', freesSeat: false };
  if (current === 'invited') return { status: 'declined', freesSeat: false };
  return null;
}

/** A session takes answers until it ends, unless it was cancelled. */
export function acceptsAnswers(session: { startsAt: Date | string; durationMinutes: number; cancelled: boolean }, now: Date): boolean {
  return !session.cancelled && new Date(session.startsAt).getTime() + session.durationMinutes * 60_000 > now.getTime();
}

/**
 * Whether registering now gets a seat: a session without a capacity always
 * has one; else a free seat goes to the waitlist first, so someone
 * registering now never overtakes a person already waiting. Attended and
 * no-show keep the seats they had (`taken` counts them).
 */
export function seatFree(capacity: number | null, taken: number, waiting: number): boolean {
  return capacity === null || capacity - taken > waiting;
}
