import type { NotificationActions } from '@/lib/notifications/notification';
import { listNotifications, markNotificationsRead } from './actions';

/** The bell's actions, as every page with the app's header hands them to it. */
export const notificationActions: NotificationActions = { list: listNotifications, markRead: markNotificationsRead };
