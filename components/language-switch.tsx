'use client';

import { useRouter } from 'next/navigation';
import { startTransition } from 'react';
import { cn } from '@/lib/cn';
import type { LanguageAction } from '@/lib/i18n/language-action';
import { locales, type Locale } from '@/lib/i18n/locales';

const names: Record<Locale, string> = { en: 'English', ja: '日本語' };

/** EN / 日本語 for pages without a signed-in user (the choice is kept in a cookie). */
export function LanguageSwitch({ current, saveLanguage }: { current: Locale; saveLanguage: LanguageAction }) {
  const router = useRouter();
  return (
    <div className="flex gap-1 text-xs" role="group" aria-label="Language / 言語">
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === current}
          onClick={() =>
            startTransition(async () => {
              await saveLanguage(null, { locale: l });
              router.refresh();
            })
          }
          className={cn('rounded px-2 py-1', l === current ? 'bg-zinc-200 font-medium text-zinc-900' : 'text-zinc-500 hover:text-zinc-900')}
        >
          {names[l]}
        </button>
      ))}
    </div>
  );
}
