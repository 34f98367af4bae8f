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
});
