import { createFormatter, createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/messages';

// next-intl's request helpers for pages rendered in tests, in English (or the
// language a test sets with setTestLocale) and the
// workspace's zone: `vi.mock('next-intl/server', () => import('@/tests/intl-server'))`.

const catalogs = { en: await loadMessages('en'), ja: await loadMessages('ja') };
let locale: keyof typeof catalogs = 'en';

/** Renders the following pages in this language (English unless a test says otherwise). */
export function setTestLocale(l: keyof typeof catalogs) {
  locale = l;
}

export const getTranslations = async (namespace?: string) => createTranslator({ locale, messages: catalogs[locale], namespace: namespace as never });
export const getFormatter = async () => createFormatter({ locale, timeZone: 'Asia/Tokyo' });
export const getMessages = async () => catalogs[locale];
export const getNow = async () => new Date();
export const getLocale = async () => locale;
export const getTimeZone = async () => 'Asia/Tokyo';
