import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { LanguageAction } from '@/lib/i18n/language-action';
import { isLocale } from '@/lib/i18n/locales';
import { getDb } from '@/db/client';
import { countUnread } from '@/db/queries/notifications';
import { countPendingRequests } from '@/db/queries/override-requests';
import type { NotificationActions } from '@/lib/notifications/notification';
import { navFor, type NavItem } from './nav-items';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';
import { UserMenu } from './user-menu';

/** The counts of work waiting behind the links this user sees; one query per kind, only for kinds shown. */
async function waitingWork(nav: NavItem[]): Promise<Record<NonNullable<NavItem['waiting']>, number>> {
  const shown = new Set(nav.map((i) => i.waiting));
  const db = await getDb();
  return { overrideRequests: shown.has('overrideRequests') ? await countPendingRequests(db) : 0 };
}

type Props = { user: CurrentUser; workspaceName: string; saveLanguage: LanguageAction; notifications: NotificationActions };

export async function Header({ user, workspaceName, saveLanguage, notifications }: Props) {
  const nav = navFor(user.role);
  const [t, tRoles, locale, waiting, unread] = await Promise.all([
    getTranslations('nav'),
    getTranslations('roles'),
    getLocale(),
    waitingWork(nav),
    getDb().then((db) => countUnread(db, user.id)),
  ]);
  const items = nav.map((item) => {
    const count = item.waiting ? waiting[item.waiting] : 0;
    return { href: item.href, label: t(item.label), badge: count ? { count, label: t('waiting', { count }) } : undefined };
  });
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/95 backdrop-blur">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-2 focus:py-1">
        {t('skipToContent')}
      </a>
      {/* On phones the links take a second row of their own (scrolling sideways if they must). */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 px-4 sm:h-12 sm:flex-nowrap sm:px-6">
        <Link href="/" title={workspaceName} className="flex h-12 min-w-0 items-center gap-2">
          <span aria-hidden className="grid size-6 shrink-0 place-items-center rounded bg-brand-600 text-xs font-bold text-white">
            T
          </span>
          {/* Above phone width the navigation needs the room (a manager's or an admin's entries in Japanese fill even 1280 px and more):
              the mark alone stands for the workspace, its name read out and shown on hover. */}
          <span className="truncate text-sm font-semibold text-zinc-900 sm:sr-only">{workspaceName}</span>
        </Link>
        <NavLinks items={items} label={t('mainNav')} className="order-last w-full pb-2 sm:order-none sm:w-auto sm:pb-0" />
        <div className="ml-auto flex items-center gap-1 sm:order-last">
          <NotificationBell unread={unread} actions={notifications} />
          <UserMenu
            name={user.name}
            email={user.email}
            roleLabel={tRoles(user.role)}
            locale={isLocale(locale) ? locale : 'en'}
            saveLanguage={saveLanguage}
          />
        </div>
      </div>
    </header>
  );
}
