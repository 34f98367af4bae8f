import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse';
import { csvCell, csvDownload, csvFile, csvLine, protectFormula, unprotectFormula } from './write';

describe('csvCell', () => {
  it('quotes only what needs it', () => {
    expect(csvCell('Acme')).toBe('Acme');
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(1200)).toBe('1200');
  });

  it('writes lines that parse back to the same cells', () => {
    const cells = ['株式会社テスト, 東京', 'a "quoted" word', 'multi\r\nline', '', '42'];
    const text = csvLine(['h1', 'h2', 'h3', 'h4', 'h5']) + csvLine(cells);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).rows[0]?.cells).toEqual(cells);
  });
});

describe('formula protection', () => {
  it('puts an apostrophe before cells Excel would run, and takes it off again', () => {
    for (const s of ['=HYPERLINK("x")', '+81', '-5', '@SUM(A1)']) {
      expect(protectFormula(s)).toBe(`'${s}`);
      expect(unprotectFormula(protectFormula(s))).toBe(s);
    }
    expect(protectFormula('Acme')).toBe('Acme');
    expect(unprotectFormula("'Tis Corp")).toBe("'Tis Corp");
  });
});

describe('csvFile', () => {
  it('starts with the byte-order mark Excel needs for UTF-8, then the header and CRLF lines', async () => {
    const text = csvFile(['name', 'link'], [['山田 花子', 'https://x.example/r/1'], ['=cmd', null]]);
    expect(text).toBe('\uFEFFname,link\r\n山田 花子,https://x.example/r/1\r\n=cmd,\r\n');
    const response = csvDownload('links.csv', ['a'], [['b']]);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="links.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
