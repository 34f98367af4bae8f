import type { Message } from '@/lib/actions/result';
import type { LocalDate } from '@/lib/scheduling/local-date';

// The bell's words: what a notification can be about, and where it leads.

export const notificationKinds = ['task_assigned', 'task_due', 'override_decided'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  createdAt: string;
  read: boolean;
  accountId: number | null;
  accountName: string | null;
  /** A task's: its title, due day and whether it is still open. */
  taskTitle: string | null;
  dueOn: LocalDate | null;
  taskOpen: boolean | null;
  /** A request's: the tier asked for and the decision. */
  requestedTier: number | null;
  decision: 'approved' | 'rejected' | null;
};

type Result<T> = { ok: true; data: T } | { ok: false; error?: Message };

/** The bell's server actions, handed to the header by the workspace layout. */
export type NotificationActions = {
  list: (prev: unknown, payload: Record<string, never>) => Promise<Result<{ items: NotificationItem[]; unread: number }>>;
  markRead: (prev: unknown, payload: { id?: number }) => Promise<Result<{ marked: number }>>;
};

/** Where a notification leads: a task to the inbox, a decided request to its account (where the tier now shows). */
export function notificationHref(n: { kind: NotificationKind; accountId: number | null }): string {
  if (n.kind === 'override_decided') return n.accountId === null ? '/accounts' : `/accounts/${n.accountId}`;
  return '/tasks';
}

/** The count never goes past this (the badge says "99+"): it stays one short index scan on every page. */
export const unreadCap = 100;

/** The badge: nothing at 0, the figure up to 99, then "99+". */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}
