import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse';

describe('parseCsv', () => {
  it('splits the header from the records and numbers records as spreadsheet rows', () => {
    const table = parseCsv(' name , domain\r\nAcme,acme.jp\r\n\r\n,,\r\nBeta,beta.jp\r\n');
    expect(table.headers).toEqual(['name', 'domain']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Acme', 'acme.jp'] },
      { line: 5, cells: ['Beta', 'beta.jp'] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('keeps commas, quotes and line breaks inside quoted cells', () => {
    const table = parseCsv('name,notes\n"Acme, Inc.","said ""hi""\nthen left"\n');
    expect(table.rows[0]?.cells).toEqual(['Acme, Inc.', 'said "hi"\nthen left']);
  });

  it('reads a one-column file, and tab- or semicolon-separated files', () => {
    expect(parseCsv('domain\nacme.jp\n').rows).toEqual([{ line: 2, cells: ['acme.jp'] }]);
    expect(parseCsv('name\tdomain\nAcme\tacme.jp\n').rows[0]?.cells).toEqual(['Acme', 'acme.jp']);
    expect(parseCsv('name;domain;arr\nAcme, Inc.;acme.jp;1,5\n').rows[0]?.cells).toEqual(['Acme, Inc.', 'acme.jp', '1,5']);
  });

  it('reports a quote that never closes on its line', () => {
    const table = parseCsv('name,domain\nAcme,acme.jp\n"Broken,broken.jp\n');
    expect(table.problems).toEqual([{ line: 3, code: 'unclosedQuote' }]);
  });

  it('gives no header and no rows for an empty file', () => {
    expect(parseCsv('')).toMatchObject({ headers: [], rows: [] });
  });

  it('takes the delimiter from the caller when the first line is a title', () => {
    const text = '1. Summary\nMeeting title\tWeekly, all hands\n';
    expect(parseCsv(text).rows[0]?.cells).toEqual(['Meeting title\tWeekly', ' all hands']);
    expect(parseCsv(text, { delimiter: '\t' }).rows[0]?.cells).toEqual(['Meeting title', 'Weekly, all hands']);
  });
});
