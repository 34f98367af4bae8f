'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useFormat } from '@/lib/i18n/use-format';
import { badgeText, notificationHref, unreadCap, type NotificationActions, type NotificationItem } from '@/lib/notifications/notification';

const itemClass = 'block cursor-default select-none rounded px-2 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100';

/**
 * The header's bell: the unread count (rendered by the server on every
 * page), and a panel that loads the latest notifications when it opens.
 * Keyboard: Enter or Space opens it, arrows move, Escape closes.
 */
export function NotificationBell({ unread, actions }: { unread: number; actions: NotificationActions }) {
  const t = useTranslations('notifications');
  const format = useFormat();
  // The count this client last learned, until the server renders a new one.
  const [local, setLocal] = useState<{ from: number; count: number } | null>(null);
  const count = local && local.from === unread ? local.count : unread;
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, startLoading] = useTransition();
  const badge = badgeText(count);

  function load() {
    setFailed(false);
    startLoading(async () => {
      const result = await actions.list(null, {});
      if (result.ok) {
        setItems(result.data.items);
        setLocal({ from: unread, count: result.data.unread });
      } else setFailed(true);
    });
  }

  function markRead(id?: number) {
    setItems((list) => list?.map((n) => (id === undefined || n.id === id ? { ...n, read: true } : n)) ?? null);
    setLocal({ from: unread, count: id === undefined ? 0 : Math.max(0, count - 1) });
    void actions.markRead(null, id === undefined ? {} : { id });
  }

  function text(n: NotificationItem): string {
    if (n.kind === 'override_decided') return n.decision ? t(`kind.${n.decision}`, { tier: n.requestedTier ?? 0 }) : t('gone');
    if (n.taskTitle === null) return t('gone');
    if (n.taskOpen === false) return t('kind.taskClosed', { title: n.taskTitle });
    return n.kind === 'task_due' ? t('kind.task_due', { title: n.taskTitle, due: format.date(n.dueOn) }) : t('kind.task_assigned', { title: n.taskTitle });
  }

  return (
    <Menu.Root onOpenChange={(open) => open && load()}>
      <Menu.Trigger
        className="relative grid size-9 place-items-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        aria-label={count >= unreadCap ? t('bellMany') : t('bell', { count })}
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-5">
          <path d="M10 3a4.5 4.5 0 0 0-4.5 4.5v2.8L4 13h12l-1.5-2.7V7.5A4.5 4.5 0 0 0 10 3Z" strokeLinejoin="round" />
          <path d="M8.2 15.5a1.9 1.9 0 0 0 3.6 0" strokeLinecap="round" />
        </svg>
        {badge && (
          <span aria-hidden className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-brand-600 px-1 text-center text-[10px] font-semibold leading-4 tabular-nums text-white">
            {badge}
          </span>
        )}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-30 flex max-h-[min(32rem,calc(100dvh-5rem))] w-[min(22rem,calc(100vw-1rem))] flex-col rounded-lg bg-white p-1 shadow-lg ring-1 ring-zinc-200"
        >
          <div className="flex items-center justify-between gap-2 px-2 py-1.5">
            <Menu.Label className="text-sm font-semibold text-zinc-900">{t('title')}</Menu.Label>
            <Menu.Item
              disabled={count === 0}
              onSelect={(e) => {
                e.preventDefault();
                markRead();
              }}
              className="cursor-default rounded px-2 py-1 text-xs font-medium text-brand-700 outline-none data-[disabled]:text-zinc-400 data-[highlighted]:bg-zinc-100"
            >
              {t('markAllRead')}
            </Menu.Item>
          </div>
          <Menu.Separator className="my-1 h-px bg-zinc-100" />
          <div className="min-h-0 flex-1 overflow-y-auto">
            {failed ? (
              <p role="alert" className="px-2 py-3 text-sm text-red-700">
                {t('failed')}
              </p>
            ) : items === null ? (
              <p className="px-2 py-3 text-sm text-zinc-500">{loading ? t('loading') : ''}</p>
            ) : items.length === 0 ? (
              <p className="px-2 py-3 text-sm text-zinc-600">{t('empty')}</p>
            ) : (
              items.map((n) => (
                <Menu.Item key={n.id} asChild className={itemClass} onSelect={() => !n.read && markRead(n.id)}>
                  <Link href={notificationHref(n)}>
                    <span className="flex items-start gap-2">
                      <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-brand-600'}`} />
                      <span className="min-w-0">
                        <span className={`block ${n.read ? 'text-zinc-600' : 'font-medium text-zinc-900'}`}>
                          {!n.read && <span className="sr-only">{`${t('unread')}: `}</span>}
                          {text(n)}
                        </span>
                        <span className="block truncate text-xs text-zinc-500">
                          {[n.accountName, format.dateTime(new Date(n.createdAt), 'monthDay')].filter(Boolean).join(' · ')}
                        </span>
                      </span>
                    </span>
                  </Link>
                </Menu.Item>
              ))
            )}
          </div>
          <Menu.Separator className="my-1 h-px bg-zinc-100" />
          <Menu.Item asChild className={`${itemClass} text-brand-700`}>
            <Link href="/tasks">{t('openTasks')}</Link>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
