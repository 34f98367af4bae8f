'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { startTransition } from 'react';
import type { LanguageAction } from '@/lib/i18n/language-action';
import { locales, type Locale } from '@/lib/i18n/locales';

const languageNames: Record<Locale, string> = { en: 'English', ja: '日本語' };
const itemClass =
  'flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm text-zinc-700 outline-none data-[highlighted]:bg-zinc-100 data-[highlighted]:text-zinc-900';

export function UserMenu({ name, email, roleLabel, locale, saveLanguage }: { name: string; email: string; roleLabel: string; locale: Locale; saveLanguage: LanguageAction }) {
  const t = useTranslations('nav');
  const tf = useTranslations('feeds');
  const router = useRouter();

  function chooseLanguage(next: Locale) {
    startTransition(async () => {
      await saveLanguage(null, { locale: next });
      router.refresh();
    });
  }

  async function onSignOut() {
    await signOut({ redirect: false });
    // A full load: nothing of the ended session stays in the client cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign('/login');
  }

  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100"
        aria-label={t('userMenu', { name })}
      >
        <span aria-hidden className="grid size-7 place-items-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-40 truncate 2xl:inline">{name}</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-30 w-60 rounded-lg bg-white p-1 shadow-lg ring-1 ring-zinc-200">
          <div className="px-2 py-2">
            <p className="truncate text-sm font-medium text-zinc-900">{name}</p>
            <p className="truncate text-xs text-zinc-500">{email}</p>
            <p className="mt-1 text-xs text-zinc-600">{roleLabel}</p>
          </div>
          <Menu.Separator className="my-1 h-px bg-zinc-100" />
          <Menu.Label className="px-2 pt-1 text-xs font-medium text-zinc-500">{t('language')}</Menu.Label>
          <Menu.RadioGroup value={locale} onValueChange={(v) => chooseLanguage(v as Locale)}>
            {locales.map((l) => (
              <Menu.RadioItem key={l} value={l} lang={l} className={itemClass}>
                <span aria-hidden className="w-3 text-brand-600">{l === locale ? '✓' : ''}</span>
                {languageNames[l]}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          <Menu.Separator className="my-1 h-px bg-zinc-100" />
          <Menu.Item asChild className={itemClass}>
            <Link href="/settings">{t('settings')}</Link>
          </Menu.Item>
          <Menu.Item asChild className={itemClass}>
            <Link href="/settings/calendar-feed">{tf('menu')}</Link>
          </Menu.Item>
          <Menu.Item className={itemClass} onSelect={onSignOut}>
            {t('signOut')}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
