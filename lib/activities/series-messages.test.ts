import type { Locale } from '@/lib/i18n/locales';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.series.json';
import ja from '@/lib/i18n/messages/ja.series.json';

// Every placeholder the series UI and actions pass; a message naming any other
// (a typo, or a name only one language uses) fails to format.
const values = { count: 3, dates: '2027-01-12, 2027-02-09', max: '2029-01-12', interval: 2, weekday: 'Tuesday', day: 31, nth: 'second', rule: 'Monthly', time: '10:00', until: 'Nov 30, 2027', names: 'A, B', type: 'QBR', zone: 'Asia/Tokyo', date: 'Feb 10, 2027', every: 3, what: 'x', name: 'CFO', when: 'Feb 16, 2027', reason: 'Culture Day', to: 'Nov 4, 2027' };

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const say = (locale: Locale, messages: object) =>
  createTranslator({
    locale,
    messages: { series: messages },
    namespace: 'series',
    onError: (error) => {
      throw error;
    },
  });

describe.each([
  ['en', en],
  ['ja', ja],
] as const)('series messages in %s', (locale, messages) => {
  const t = say(locale, messages);
  it.each(keys(messages))('%s formats', (key) => {
    expect(t(key as never, values as never)).not.toContain('{');
  });
});

describe('series rule words', () => {
  it('read naturally in both languages', () => {
    const t = say('en', en);
    expect(t('rule.monthlyNth' as never, { interval: 1, nth: 'second', weekday: 'Tuesday' } as never)).toBe('Monthly on the second Tuesday');
    expect(t('rule.weekly' as never, { interval: 2, weekday: 'Monday' } as never)).toBe('Every 2 weeks on Monday');
    const j = say('ja', ja);
    expect(j('rule.monthlyNth' as never, { interval: 1, nth: '第2', weekday: '火曜日' } as never)).toBe('毎月第2火曜日');
    expect(j('rule.monthly' as never, { interval: 3, day: 15 } as never)).toBe('3か月ごとの15日');
  });
});
