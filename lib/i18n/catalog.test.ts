import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import ja from './messages/ja.json';
import enImport from './messages/en.import.json';
import jaImport from './messages/ja.import.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('message catalogs', () => {
  it('Japanese has every English key and no extra ones', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
    expect(keys(jaImport).sort()).toEqual(keys(enImport).sort());
  });
});
