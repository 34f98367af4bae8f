import { describe, expect, it } from 'vitest';
import { isIsoDate, taskToday, todayIn } from './dates';

describe('taskToday', () => {
  it('is the workspace’s date, whatever zone the reader is in', () => {
    const at = new Date('2026-11-29T16:00:00Z'); // 01:00 on the 30th in Tokyo, still the 29th in Los Angeles
    expect(taskToday({ timeZone: 'Asia/Tokyo' }, at)).toBe('2026-11-30');
    expect(todayIn('America/Los_Angeles', at)).toBe('2026-11-29');
    expect(taskToday({ timeZone: 'America/Los_Angeles' }, at)).toBe('2026-11-29');
  });
});

describe('isIsoDate', () => {
  it('takes real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-2-1')).toBe(false);
  });
});
