import type { InvitationStatus } from '@/lib/vocabulary';

// Seats at a session with a capacity: registering takes a seat while there
// is one, else joins the waitlist; when someone cancels, the waitlist moves
// up in the order people registered. A session without a capacity has no
// waitlist.

export type Seat = {
  contactId: number;
  status: InvitationStatus;
  /** When they registered (or joined the waitlist): the waitlist's order. */
  registeredAt: Date | null;
};

export type SeatChange = { contactId: number; from: InvitationStatus; to: 'registered' | 'cancelled' };

// Attended and no-show kept their seat: after the session nobody moves up into it.
const holdsSeat = (status: InvitationStatus) => status === 'registered' || status === 'attended' || status === 'no_show';

export function seatsTaken(seats: Seat[]): number {
  return seats.filter((s) => holdsSeat(s.status)).length;
}

function inOrder(a: Seat, b: Seat): number {
  const at = (s: Seat) => s.registeredAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return at(a) - at(b) || a.contactId - b.contactId;
}

/**
 * What a new registration becomes. A free seat goes to the waitlist first:
 * someone registering now never overtakes a person already waiting.
 */
export function registrationStatus(capacity: number | null, seats: Seat[]): 'registered' | 'waitlisted' {
  if (capacity === null) return 'registered';
  const waiting = seats.filter((s) => s.status === 'waitlisted').length;
  return capacity - seatsTaken(seats) > waiting ? 'registered' : 'waitlisted';
}

/** The waitlisted who get the free seats, first registered first. */
export function waitlistPromotions(capacity: number | null, seats: Seat[]): SeatChange[] {
  const waiting = seats.filter((s) => s.status === 'waitlisted').sort(inOrder);
  const free = capacity === null ? waiting.length : Math.max(0, capacity - seatsTaken(seats));
  return waiting.slice(0, free).map((s) => ({ contactId: s.contactId, from: 'waitlisted', to: 'registered' }));
}

/**
 * A registered or waitlisted contact cancels: their cancellation, then the
 * promotions the freed seat allows. Anyone else cancelling changes nothing.
 */
export function cancelRegistration(capacity: number | null, seats: Seat[], contactId: number): SeatChange[] {
  const seat = seats.find((s) => s.contactId === contactId);
  if (!seat || (seat.status !== 'registered' && seat.status !== 'waitlisted')) return [];
  const after = seats.map((s) => (s === seat ? { ...s, status: 'cancelled' as const } : s));
  return [{ contactId, from: seat.status, to: 'cancelled' }, ...waitlistPromotions(capacity, after)];
}
