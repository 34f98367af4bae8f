import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages } from './messages';
import { loose } from '@/lib/i18n/loose';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

// One translator per language for the process: the catalogs never change
// while it runs, and a translator keeps the messages it has parsed, so a busy
// route (a tracked link's "no such link") does not parse them per request.
const translators = new Map<Locale, Promise<Translate>>();

/** Messages in one language outside React: downloads, feeds and route replies. */
export function translatorFor(locale: Locale): Promise<Translate> {
  let translator = translators.get(locale);
  if (!translator) {
    translator = loadMessages(locale).then((messages) => loose(createTranslator({ locale, messages })));
    translators.set(locale, translator);
    translator.catch(() => translators.delete(locale));
  }
  return translator;
}
