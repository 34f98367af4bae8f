import { describe, expect, it } from 'vitest';
import { wallClock } from '@/lib/scheduling/zoned';
import { generateDemoActivities } from './seed-activities';

const accounts = Array.from({ length: 10 }, (_, i) => ({ id: 100 + i, ownerId: 1 + (i % 3) }));
const typeIds = { regular_meeting: 1, qbr: 2, onsite_visit: 3 };
const today = '2026-11-22';
const now = new Date('2026-11-22T03:00:00Z'); // noon in Tokyo
const rows = generateDemoActivities({ accounts, typeIds, today, timeZone: 'Asia/Tokyo' });

describe('demo activities', () => {
  it('give every Tier 1 account a year: completed meetings and QBRs with outcomes, and planned ones ahead', () => {
    for (const a of accounts) {
      const mine = rows.filter((r) => r.accountId === a.id);
      const done = mine.filter((r) => r.status === 'completed');
      expect(done.filter((r) => r.activityTypeId === typeIds.qbr).length).toBeGreaterThanOrEqual(2);
      expect(done.filter((r) => r.activityTypeId === typeIds.regular_meeting).length).toBeGreaterThanOrEqual(7);
      expect(done.every((r) => r.outcome && r.completedAt)).toBe(true);
      expect(mine.some((r) => (r.status ?? 'planned') === 'planned' && r.startsAt > now)).toBe(true);
      expect(mine.every((r) => r.ownerId === a.ownerId)).toBe(true);
    }
  });

  it('leave a few overdue, a few missed, and some future QBRs unbooked for plan-from-playbook', () => {
    const overdue = rows.filter((r) => (r.status ?? 'planned') === 'planned' && r.startsAt < now);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.status === 'cancelled' && r.cancelReason)).toBe(true);
    const withFutureQbr = new Set(rows.filter((r) => r.activityTypeId === typeIds.qbr && r.startsAt > now).map((r) => r.accountId));
    expect(withFutureQbr.size).toBeGreaterThan(0);
    expect(withFutureQbr.size).toBeLessThan(accounts.length);
  });

  it('fall on weekdays in business hours, Tokyo time, and QBRs name an executive sponsor', () => {
    for (const r of rows) {
      const { date, time } = wallClock(r.startsAt, 'Asia/Tokyo');
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).not.toBe(0);
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).not.toBe(6);
      expect(time >= '09:00' && time <= '17:00').toBe(true);
      if (r.activityTypeId === typeIds.qbr) expect(r.executiveSponsor).toBeTruthy();
    }
  });

  it('is the same every run', () => {
    expect(generateDemoActivities({ accounts, typeIds, today, timeZone: 'Asia/Tokyo' })).toEqual(rows);
  });
});
