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

describe('Japanese wording', () => {
  const texts = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' && v ? texts(v) : [String(v)]));

  it('calls the renewal date 契約更新日 (更新日 alone reads as "last updated") and the executive sponsor 経営層スポンサー everywhere', async () => {
    const ja = texts(await loadMessages('ja'));
    expect(ja.filter((s) => /(^|[^契約])更新日/.test(s))).toEqual([]);
    expect(ja.filter((s) => /エグゼクティブスポンサー|役員未定|経営層のスポンサー/.test(s))).toEqual([]);
  });
});
