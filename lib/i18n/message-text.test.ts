import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/actions/result';
import { isMessage } from './message-text';
import { withMessageText } from './translator';

describe('message text', () => {
  it('gives every message in an answer its text, however deep, in the caller’s language', async () => {
    const answer: { fieldErrors: { name: Message }; data: { rows: { line: number; message: Message }[] } } = {
      fieldErrors: { name: { key: 'validation.required' } },
      data: { rows: [{ line: 3, message: { key: 'validation.tooBig', values: { max: 744 } } }] },
    };
    const en = await withMessageText(answer, 'en');
    expect(en.fieldErrors.name).toEqual({ key: 'validation.required', text: expect.any(String) });
    expect(en.data.rows[0]!.message.text).toContain('744');
    const ja = await withMessageText(answer, 'ja');
    expect(ja.fieldErrors.name.text).not.toBe(en.fieldErrors.name.text);
    expect(answer.fieldErrors.name).toEqual({ key: 'validation.required' }); // the input is left as it was
  });

  it('reads a key the catalog lacks as "not valid" rather than showing the key', async () => {
    const [plain, unknown] = await withMessageText<Message[]>([{ key: 'validation.invalid' }, { key: 'validation.noSuchKey' }], 'en');
    expect(unknown!.text).toBe(plain!.text);
  });

  it('leaves data that only looks like a message alone', async () => {
    const data = { campaign: { key: 'onboarding', name: 'Onboarding' }, rule: { key: '3.c5.1.month' }, when: new Date(0) };
    expect(await withMessageText(data, 'en')).toEqual(data);
    expect(isMessage({ key: 'errors.conflict', values: { n: 1 } })).toBe(true);
    expect(isMessage({ key: 'errors.conflict', name: 'x' })).toBe(false);
  });
});
