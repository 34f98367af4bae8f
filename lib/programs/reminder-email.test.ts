import { describe, expect, it } from 'vitest';
import { formatFor } from '@/lib/format';
import { translatorFor } from '@/lib/i18n/translator';
import { reminderEmail, type ReminderEmailInput } from './reminder-email';

const input: ReminderEmailInput = {
  to: { name: '佐藤 健', email: 'ken@example.jp' },
  title: '管理者向け勉強会',
  // 16:00 in Tokyo.
  startsAt: new Date('2026-12-03T07:00:00Z'),
  durationMinutes: 90,
  timeZone: 'Asia/Tokyo',
  online: true,
  venue: '東京オフィス 8F',
  link: 'https://app.example/r/abc',
  unsubscribe: 'https://app.example/u/abc',
};

describe('reminderEmail', () => {
  it('says when in the session’s zone, where, and links the invitee’s own page, in Japanese', async () => {
    const mail = reminderEmail(input, await translatorFor('ja'), formatFor('ja', input.timeZone));
    expect(mail.subject).toBe('【リマインド】管理者向け勉強会');
    expect(mail.text).toContain('佐藤 健 様');
    expect(mail.text).toMatch(/日時：2026.*12.*3.*16:00.17:30 \(Asia\/Tokyo\)/);
    expect(mail.text).toContain('場所：オンライン / 東京オフィス 8F');
    expect(mail.text).toContain('お申込み内容の確認・キャンセルはこちら: https://app.example/r/abc');
    expect(mail.headers).toEqual({ 'List-Unsubscribe': '<https://app.example/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('writes the same time in English for an English reader, still in the session’s zone', async () => {
    const mail = reminderEmail({ ...input, venue: null }, await translatorFor('en'), formatFor('en', input.timeZone));
    expect(mail.subject).toBe('Reminder: 管理者向け勉強会');
    expect(mail.text).toMatch(/When: .*Dec.*3, 2026.*4:00.*5:30.PM \(Asia\/Tokyo\)/);
    expect(mail.text).toContain('Where: Online');
    expect(mail.html).toContain('href="https://app.example/r/abc"');
  });
});
