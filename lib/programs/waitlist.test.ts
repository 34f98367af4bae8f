import { describe, expect, it } from 'vitest';
import type { InvitationStatus } from '@/lib/vocabulary';
import { cancelRegistration, registrationStatus, seatsTaken, waitlistPromotions, type Seat } from './waitlist';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));
const seat = (contactId: number, status: InvitationStatus, minute: number | null): Seat => ({ contactId, status, registeredAt: minute === null ? null : at(minute) });

// Two seats; C and D wait, D listed first but C registered earlier.
const full = [seat(1, 'registered', 0), seat(2, 'registered', 5), seat(4, 'waitlisted', 20), seat(3, 'waitlisted', 10), seat(5, 'invited', null)];

describe('registering', () => {
  it('takes a free seat, and waits when the seats are taken', () => {
    expect(registrationStatus(2, [seat(1, 'registered', 0)])).toBe('registered');
    expect(registrationStatus(2, [seat(1, 'registered', 0), seat(2, 'registered', 1)])).toBe('waitlisted');
  });

  it('never overtakes someone already waiting for a seat that just freed', () => {
    expect(registrationStatus(2, [seat(1, 'registered', 0), seat(2, 'cancelled', 1), seat(3, 'waitlisted', 2)])).toBe('waitlisted');
  });

  it('has no waitlist without a capacity', () => {
    expect(registrationStatus(null, full)).toBe('registered');
  });

  it('counts attended and no-show as seats taken, not invited, declined or cancelled', () => {
    expect(seatsTaken([seat(1, 'attended', 0), seat(2, 'no_show', 0), seat(3, 'invited', null), seat(4, 'declined', null), seat(5, 'cancelled', 0)])).toBe(2);
  });
});

describe('cancelling', () => {
  it('promotes the first to have registered on the waitlist into the freed seat', () => {
    expect(cancelRegistration(2, full, 1)).toEqual([
      { contactId: 1, from: 'registered', to: 'cancelled' },
      { contactId: 3, from: 'waitlisted', to: 'registered' },
    ]);
  });

  it('promotes two in order when two seats free up', () => {
    const twoFree = full.map((s) => (s.contactId === 2 ? { ...s, status: 'cancelled' as const } : s));
    expect(cancelRegistration(2, twoFree, 1).map((c) => [c.contactId, c.to])).toEqual([
      [1, 'cancelled'],
      [3, 'registered'],
      [4, 'registered'],
    ]);
  });

  it('promotes nobody when a waitlisted person cancels', () => {
    expect(cancelRegistration(2, full, 4)).toEqual([{ contactId: 4, from: 'waitlisted', to: 'cancelled' }]);
  });

  it('changes nothing for someone who holds no registration', () => {
    expect(cancelRegistration(2, full, 5)).toEqual([]);
    expect(cancelRegistration(2, full, 99)).toEqual([]);
  });

  it('promotes nobody while the session is still over capacity (capacity lowered)', () => {
    expect(cancelRegistration(1, [...full, seat(6, 'registered', 1)], 1)).toEqual([{ contactId: 1, from: 'registered', to: 'cancelled' }]);
  });

  it('after the promotions are written, has nobody left to promote', () => {
    const changes = cancelRegistration(2, full, 1);
    const after = full.map((s) => ({ ...s, status: changes.find((c) => c.contactId === s.contactId)?.to ?? s.status }));
    expect(waitlistPromotions(2, after)).toEqual([]);
    expect(after.filter((s) => s.status === 'registered').map((s) => s.contactId)).toEqual([2, 3]);
  });

  it('promotes everyone waiting when the capacity is removed', () => {
    expect(waitlistPromotions(null, full).map((c) => c.contactId)).toEqual([3, 4]);
  });
});
