import { describe, expect, it } from 'vitest';
import { loadMessages } from './messages';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('message catalogs', () => {
  it('Japanese has every English key and no extra ones, feature catalogs included', async () => {
    const [en, ja] = await Promise.all([loadMessages('en'), loadMessages('ja')]);
    expect(keys(ja).sort()).toEqual(keys(en).sort());
    expect(Object.keys(en)).toContain('import');
  });
});
