import { describe, expect, it } from 'vitest';
import { badgeText, notificationHref } from './notification';

describe('notificationHref', () => {
  it('sends tasks to the inbox and a decided request to its account', () => {
    expect(notificationHref({ kind: 'task_assigned', accountId: 4 })).toBe('/tasks');
    expect(notificationHref({ kind: 'task_due', accountId: 4 })).toBe('/tasks');
    expect(notificationHref({ kind: 'override_decided', accountId: 4 })).toBe('/accounts/4');
    expect(notificationHref({ kind: 'override_decided', accountId: null })).toBe('/accounts');
  });
});

describe('badgeText', () => {
  it('is hidden at 0, the count up to 99, then 99+', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
