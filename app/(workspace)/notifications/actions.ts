'use server';

import { countUnread, latestNotifications, markRead, ownsNotification } from '@/db/queries/notifications';
import type { NotificationItem } from '@/lib/notifications/notification';
import { action } from '@/lib/actions/action';
import { notFoundError } from '@/lib/actions/result';
import { listNotificationsInput, markNotificationsReadInput } from '@/lib/validation/notification';

// The bell's panel: loaded when it opens (the header itself only counts),
// and marking read. A user only ever sees and marks their own.

/** The latest 20 of the caller's notifications and how many are unread. */
export const listNotifications = action({
  name: 'notification.list',
  permission: 'notifications.read',
  input: listNotificationsInput,
  async run({ user, tx }): Promise<{ items: NotificationItem[]; unread: number }> {
    return { items: await latestNotifications(tx, user.id), unread: await countUnread(tx, user.id) };
  },
});

/** Marks one notification read, or all of the caller's. */
export const markNotificationsRead = action({
  name: 'notification.mark_read',
  permission: 'notifications.read',
  input: markNotificationsReadInput,
  revalidate: ['/'],
  async run({ user, input, tx }) {
    const id = input.id ?? null;
    // Someone else's notification (or none) is not found, whatever its state.
    if (id !== null && !(await ownsNotification(tx, user.id, id))) throw notFoundError();
    return { marked: await markRead(tx, user.id, id) };
  },
});
