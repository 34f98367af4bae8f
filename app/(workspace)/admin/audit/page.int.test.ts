import type * as Navigation from 'next/navigation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { setTestLocale } from '@/tests/intl-server';
import { renderToHtml, textOf } from '@/tests/render-page';
import { reassignAccounts } from '../../accounts/actions';
import { updateUserDetails } from '../users/actions';
import AuditPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));
afterEach(() => setTestLocale('en'));

/** The page's text as people read it, without the raw details behind their disclosure. */
async function render(params: Record<string, string>, locale: 'en' | 'ja' = 'en') {
  setTestLocale(locale);
  const html = await renderToHtml(await AuditPage({ searchParams: Promise.resolve(params) }), locale);
  return { html, text: textOf(html.replace(/<details[\s\S]*?<\/details>/g, '')) };
}

describe('/admin/audit', () => {
  it('reads each change as a sentence with names and only what changed, in English and Japanese, with the raw row kept', async () => {
    const admin = await createUser('admin', { name: 'Haruka Sato' });
    const rin = await createUser('csm', { name: 'Rin Asano' });
    const kei = await createUser('csm', { name: 'Kei Ono' });
    const account = await createAccount({ name: 'Sora Robotics', ownerId: rin.id });
    await signInAs(admin);
    expect((await reassignAccounts(null, { ids: [account.id], ownerId: kei.id })).ok).toBe(true);
    expect((await updateUserDetails(null, { id: kei.id, version: kei.version, name: 'Kei Ono', role: 'csm', capacityHours: 90 })).ok).toBe(true);

    const { html, text } = await render({ actor: String(admin.id) });
    expect(text).toMatch(/Haruka Sato changed the user Kei Ono [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M Monthly capacity ?: 110 h \/ month → 90 h \/ month/);
    expect(text).toMatch(/Haruka Sato moved Sora Robotics to another CSM .+? Owner ?: Rin Asano → Kei Ono/);
    // Names, not ids; only the field that changed (name and role did not).
    expect(text).not.toMatch(/ownerId|capacityHours|#\d|Role:|Name:/);
    expect(html).toContain(`href="/accounts/${account.id}"`);
    expect(html).toContain(`href="/admin/users/${kei.id}"`);
    // The raw row is there for whoever needs it, behind "Raw details".
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Raw details<\/summary><pre[^>]*>[^<]*&quot;ownerId&quot;: \d+/);

    const ja = await render({ actor: String(admin.id) }, 'ja');
    expect(ja.text).toMatch(/Haruka Sato がユーザー Kei Ono を変更しました \d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2} 月間の稼働可能時間：\s?月 110 時間 → 月 90 時間/);
    expect(ja.text).toContain('Haruka Sato が Sora Robotics の担当者を変更しました');
    expect(ja.text).toMatch(/担当者：\s?Rin Asano → Kei Ono/);
    expect(ja.text).not.toMatch(/Owner|changed|ownerId/);
  });

  it('filters by actor, event, record and date, and keeps the filters in the page links', async () => {
    const admin = await createUser('admin', { name: 'Mio Admin' });
    const [a, b] = [await createUser('csm', { name: 'Aki' }), await createUser('csm', { name: 'Ben' })];
    const first = await createAccount({ name: 'First Light', ownerId: a.id });
    const second = await createAccount({ name: 'Second Wind', ownerId: a.id });
    await signInAs(admin);
    expect((await reassignAccounts(null, { ids: [first.id, second.id], ownerId: b.id })).ok).toBe(true);
    expect((await updateUserDetails(null, { id: b.id, version: b.version, name: 'Ben', role: 'csm', capacityHours: 80 })).ok).toBe(true);

    const mine = await render({ actor: String(admin.id), action: 'account.reassign' });
    expect(mine.text).toContain('moved First Light');
    expect(mine.text).toContain('moved Second Wind');
    expect(mine.text).not.toContain('changed the user Ben');

    const one = await render({ actor: String(admin.id), entity: 'account', id: String(first.id) });
    expect(one.text).toContain('Showing events for First Light.');
    expect(one.text).toContain('moved First Light');
    expect(one.text).not.toContain('Second Wind');

    expect((await render({ actor: String(admin.id), to: '2000-01-01' })).text).toContain('No events match this filter.');
    expect((await render({ actor: String(admin.id), from: '2000-01-01' })).text).toContain('changed the user Ben');
  });
});
