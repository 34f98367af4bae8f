import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, joinLines } from './text';

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks, in that order', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(escapeText('one\r\ntwo\rthree')).toBe('one\\ntwo\\nthree');
    expect(escapeText('C:\\new')).toBe('C:\\\\new');
  });

  it('drops control characters TEXT may not hold, keeps tabs and colons', () => {
    expect(escapeText('a\u0000b\u0007c\td:e')).toBe('abc\td:e');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds a longer one', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('keeps every physical line within 75 octets, continuation space included, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(40)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a Japanese character or an emoji between lines', () => {
    const line = `SUMMARY:四半期ビジネスレビュー・株式会社アクメ東京本社 現場訪問と定例ミーティング 🎌👍🏽 ${'経営会議'.repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const l of physical) {
      const bytes = new TextEncoder().encode(l);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(bytes)).not.toThrow();
    }
    // A 3-octet character at the start of a line that cannot hold it moves whole to the next one.
    expect(octets(physical[0]!)).toBeGreaterThanOrEqual(73);
    expect(unfold(folded)).toBe(line);
  });
});

describe('joinLines', () => {
  it('uses CRLF everywhere, ends with one, and has no bare LF', () => {
    const out = joinLines(['BEGIN:VCALENDAR', `X:${'y'.repeat(100)}`, 'END:VCALENDAR']);
    expect(out.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
