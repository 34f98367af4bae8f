import type { Locale } from './locales';

// One catalog per locale, plus feature catalogs (messages/<locale>.<feature>.json)
// merged in as their own namespace, so features can be added without
// editing one shared file.
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  if (locale === 'ja') {
    const [base, accountImport] = await Promise.all([import('./messages/ja.json'), import('./messages/ja.import.json')]);
    return { ...base.default, import: accountImport.default };
  }
  const [base, accountImport] = await Promise.all([import('./messages/en.json'), import('./messages/en.import.json')]);
  return { ...base.default, import: accountImport.default };
}
