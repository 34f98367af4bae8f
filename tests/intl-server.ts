import { createFormatter, createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/messages';

// next-intl's request helpers for pages rendered in tests, in English and the
// workspace's zone: `vi.mock('next-intl/server', () => import('@/tests/intl-server'))`.

const messages = await loadMessages('en');

export const getTranslations = async (namespace?: string) => createTranslator({ locale: 'en', messages, namespace: namespace as never });
export const getFormatter = async () => createFormatter({ locale: 'en', timeZone: 'Asia/Tokyo' });
export const getNow = async () => new Date();
export const getLocale = async () => 'en';
export const getTimeZone = async () => 'Asia/Tokyo';
