import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages } from './messages';
import { loose } from '@/lib/i18n/loose';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Messages in one language outside React: downloads, feeds and route replies. */
export async function translatorFor(locale: Locale): Promise<Translate> {
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  return loose(t);
}
