import type { Locale } from './locales';

export async function loadMessages(locale: Locale) {
  return locale === 'ja' ? (await import('./messages/ja.json')).default : (await import('./messages/en.json')).default;
}
