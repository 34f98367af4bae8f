import { describe, expect, it } from 'vitest';
import { decodeCsv } from './decode';

// 株式会社 in Shift_JIS, and ① (an NEC extension Excel writes).
const kabushikigaisha = [0x8a, 0x94, 0x8e, 0xae, 0x89, 0xef, 0x8e, 0xd0];
const circledOne = [0x87, 0x40];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('decodeCsv', () => {
  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name\n株式会社\n')]);
    expect(decodeCsv(bytes)).toEqual({ text: 'name\n株式会社\n', encoding: 'utf-8' });
  });

  it('reads UTF-8 without a mark', () => {
    expect(decodeCsv(new TextEncoder().encode('name\nアカウント\n'))).toEqual({ text: 'name\nアカウント\n', encoding: 'utf-8' });
  });

  it('reads what is not valid UTF-8 as Shift_JIS, Excel extensions included', () => {
    const bytes = new Uint8Array([...ascii('name\n'), ...kabushikigaisha, ...circledOne, ...ascii('\n')]);
    expect(decodeCsv(bytes)).toEqual({ text: 'name\n株式会社①\n', encoding: 'shift_jis' });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeCsv(new Uint8Array(ascii('a,b\n1,2')))?.encoding).toBe('utf-8');
  });

  it('refuses a file that is neither (Latin-1 café), instead of garbling it', () => {
    expect(decodeCsv(new Uint8Array([...ascii('name\ncaf'), 0xe9, 0x0a]))).toBeNull();
  });

  const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const utf16be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());

  it('reads UTF-16LE with a byte-order mark, as Teams and Excel "Unicode text" write it', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...utf16le('名前\tメール\r\n山田 太郎\ttaro@example.jp\r\n')]);
    expect(decodeCsv(bytes)).toEqual({ text: '名前\tメール\r\n山田 太郎\ttaro@example.jp\r\n', encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with a byte-order mark', () => {
    const bytes = new Uint8Array([0xfe, 0xff, ...utf16be('Name\t株式会社\n')]);
    expect(decodeCsv(bytes)).toEqual({ text: 'Name\t株式会社\n', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a mark by its zero bytes', () => {
    expect(decodeCsv(utf16le('1. Summary\r\nMeeting title\tWebinar\r\n'))).toEqual({ text: '1. Summary\r\nMeeting title\tWebinar\r\n', encoding: 'utf-16le' });
    expect(decodeCsv(utf16be('Name,Email\n'))?.encoding).toBe('utf-16be');
  });

  it('refuses UTF-16 that breaks off in the middle of a character pair', () => {
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, ...utf16le('a'), 0x3d, 0xd8]))).toBeNull();
  });
});
