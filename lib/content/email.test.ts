import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/lib/i18n/translator';
import { contentEmail } from './email';

const input = {
  to: { name: '山田 花子', email: 'hanako@example.jp' },
  title: '稟議書テンプレート <v2>',
  description: '社内決裁用',
  sharedBy: '田中 美咲',
  link: 'https://app.example/c/abc',
  unsubscribe: 'https://app.example/u/abc',
};

describe('content email', () => {
  it('is written in the contact’s language, with the link and one-click unsubscribe headers', async () => {
    const mail = contentEmail(input, await translatorFor('ja'));
    expect(mail.subject).toContain('稟議書テンプレート <v2>');
    expect(mail.text).toContain('山田 花子');
    expect(mail.text).toContain('https://app.example/c/abc');
    expect(mail.headers).toEqual({ 'List-Unsubscribe': '<https://app.example/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(mail.html).toContain('&lt;v2&gt;');
    expect(mail.html).not.toContain('<v2>');
    expect(contentEmail(input, await translatorFor('en')).text).toMatch(/shared/);
  });
});
