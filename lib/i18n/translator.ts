import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages } from './messages';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Messages in one language outside React: downloads, feeds and route replies. */
export async function translatorFor(locale: Locale): Promise<Translate> {
  const t = createTranslator({ locale, messages: (await loadMessages(locale)) as never });
  return (key, values) => t(key as never, values as never);
}
