import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages } from './messages';
import { loose } from '@/lib/i18n/loose';
import { addMessageText } from './message-text';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

type Catalog = { t: Translate; has: (key: string) => boolean };

// One translator per language for the process: the catalogs never change
// while it runs, and a translator keeps the messages it has parsed, so a busy
// route (a tracked link's "no such link") does not parse them per request.
const catalogs = new Map<Locale, Promise<Catalog>>();

function catalogFor(locale: Locale): Promise<Catalog> {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = loadMessages(locale).then((messages) => {
      const t = createTranslator({ locale, messages });
      return { t: loose(t), has: t.has as unknown as (key: string) => boolean };
    });
    catalogs.set(locale, catalog);
    catalog.catch(() => catalogs.delete(locale));
  }
  return catalog;
}

/** Messages in one language outside React: downloads, feeds and route replies. */
export async function translatorFor(locale: Locale): Promise<Translate> {
  return (await catalogFor(locale)).t;
}

/** An action's or route's answer with each of its messages' text in `locale` (lib/i18n/message-text.ts). */
export async function withMessageText<T>(value: T, locale: Locale): Promise<T> {
  return addMessageText(value, { ...(await catalogFor(locale)), locale });
}
