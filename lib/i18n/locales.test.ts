import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from './locales';

describe('localeFromAcceptLanguage', () => {
  it('picks Japanese for a Japanese browser', () => {
    expect(localeFromAcceptLanguage('ja-JP,ja;q=0.9,en-US;q=0.8')).toBe('ja');
  });
  it('follows q-values, not order', () => {
    expect(localeFromAcceptLanguage('en;q=0.5,ja;q=0.9')).toBe('ja');
  });
  it('skips languages we do not have', () => {
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,ja;q=0.4')).toBe('ja');
  });
  it('falls back to English', () => {
    expect(localeFromAcceptLanguage('de')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage('ja;q=0')).toBe('en');
  });
});

describe('resolveLocale', () => {
  it('prefers the user setting, then the cookie, then the browser', () => {
    expect(resolveLocale('ja', 'en', 'en')).toBe('ja');
    expect(resolveLocale(null, 'ja', 'en')).toBe('ja');
    expect(resolveLocale(null, undefined, 'ja')).toBe('ja');
    expect(resolveLocale('xx', 'yy', 'en-GB')).toBe('en');
  });
});
