import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse';
import { csvCell, csvLine, protectFormula, unprotectFormula } from './write';

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
