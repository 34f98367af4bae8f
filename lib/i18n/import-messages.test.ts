import type { Locale } from '@/lib/i18n/locales';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from './messages/en.import.json';
import ja from './messages/ja.import.json';

// Every placeholder the import page passes; a message naming any other
// (a typo, or a name only one language uses) fails to format.
const values = {
  rows: 10000, count: 2, seconds: 3, max: 20, line: 4, column: 'name', header: 'Domain', n: 2, encoding: 'UTF-8', shown: 500, total: 1200, field: 'Name',
  role: 'boss', account: 'Contoso', domain: 'example.co.jp', name: '山田 花子',
};

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe.each([
  ['en', en],
  ['ja', ja],
] as const)('import messages in %s', (locale, messages) => {
  const t = createTranslator({
    locale,
    messages: { import: messages },
    namespace: 'import',
    onError: (error) => {
      throw error;
    },
  });
  it.each(keys(messages))('%s formats', (key) => {
    expect(t(key as never, values as never)).not.toContain('{');
  });
});

describe('import messages', () => {
  it('group large numbers in both languages', () => {
    const say = (messages: object, locale: Locale) => createTranslator({ locale, messages: { import: messages }, namespace: 'import' });
    expect(say(en, 'en')('importing' as never, { rows: 10000 } as never)).toBe('Importing 10,000 rows…');
    expect(say(ja, 'ja')('importing' as never, { rows: 10000 } as never)).toBe('10,000 行をインポートしています…');
  });
});
