import { describe, expect, it } from 'vitest';
import { id, maxId, parseId, parsePage, searchTerm, str } from './input';

describe('parseId', () => {
  it('reads a database id and nothing else', () => {
    expect(parseId('52')).toBe(52);
    expect(parseId(String(maxId))).toBe(2147483647);
    for (const raw of ['99999999999', '2147483648', '0', '-1', '1.5', '1e3', 'Infinity', '', ' ', 'abc', undefined, null]) expect(parseId(raw)).toBeNull();
  });
});

describe('parsePage', () => {
  it('reads a page number, and calls anything else page 1', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage('999999999')).toBe(100_000);
    for (const raw of ['1e300', 'Infinity', '-2', '0', 'x', undefined]) expect(parsePage(raw)).toBe(1);
  });
});

describe('id (action input)', () => {
  it('refuses an id beyond the integer range as not found', () => {
    expect(id.parse('52')).toBe(52);
    const result = id.safeParse('99999999999');
    expect(!result.success && result.error.issues[0]!.message).toBe('errors.notFound');
  });
});

describe('str', () => {
  it('refuses U+0000 before any other rule', () => {
    const result = str().max(3, 'validation.tooLong').safeParse('a\u0000bcdef');
    expect(!result.success && result.error.issues[0]!.message).toBe('validation.unstorable');
    expect(str().parse('日本語')).toBe('日本語');
  });
});

describe('searchTerm', () => {
  it('drops characters that cannot be stored, and a blank search is none', () => {
    expect(searchTerm(' ac\u0000me ')).toBe('acme');
    expect(searchTerm('\u0000')).toBeUndefined();
  });
});
