import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { renderToHtml, textOf } from '@/tests/render-page';
import { AccountContactsProvider, ContactQuickAdd, SponsorField, type ContactChoice } from './account-contacts';

const people: ContactChoice[] = [
  { name: '山田 花子', title: '情報システム部 課長', roles: ['champion'] },
  { name: '佐藤 誠', title: 'CIO', roles: ['executive_sponsor'] },
];
const inForm = (child: ReturnType<typeof h>) => renderToHtml(h(AccountContactsProvider, { contacts: people, children: child }));

describe('booking forms offer the account’s contacts', () => {
  it('quick-add offers only the contacts not already listed as attendees', async () => {
    const html = await inForm(h(ContactQuickAdd, { value: '山田 花子, 情報システム部 課長', onChange: () => {} }));
    expect(textOf(html)).toContain('+ 佐藤 誠');
    expect(textOf(html)).not.toContain('+ 山田 花子');
  });

  it('the sponsor field suggests every contact, executive sponsors first, and stays free text', async () => {
    const html = await renderToHtml(h('form', null, h(AccountContactsProvider, { contacts: people, children: h(SponsorField, { label: 'Executive sponsor' }) })));
    const input = html.match(/<input[^>]*name="executiveSponsor"[^>]*>/)?.[0] ?? '';
    const listId = input.match(/list="([^"]+)"/)?.[1];
    expect(listId).toBeTruthy();
    expect(html).toContain(`<datalist id="${listId}">`);
    expect([...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(['佐藤 誠', '山田 花子']);
  });

  it('offers nothing when the account has no contacts', async () => {
    expect(await renderToHtml(h(ContactQuickAdd, { value: '', onChange: () => {} }))).toBe('');
  });
});
