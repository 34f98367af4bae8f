import type * as Navigation from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { tasks } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { renderToHtml } from '@/tests/render-page';
import { Header } from './header';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  usePathname: () => '/',
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const actions = { list: async () => ({ ok: true as const, data: { items: [], unread: 0 } }), markRead: async () => ({ ok: true as const, data: { marked: 0 } }) };
const saveLanguage = async () => undefined;

async function header(user: Awaited<ReturnType<typeof createUser>>) {
  return renderToHtml(await Header({ user: { ...user }, workspaceName: 'Bell Works', saveLanguage, notifications: actions }));
}

describe('the header’s bell', () => {
  it('says how many notifications are unread, with a badge only when there are some', async () => {
    const csm = await createUser('csm');
    const quiet = await header(csm);
    expect(quiet).toContain('aria-label="Notifications, none unread"');
    const account = await createAccount({ ownerId: csm.id });
    await (await getDb()).insert(tasks).values([1, 2, 3].map((n) => ({ accountId: account.id, ownerId: csm.id, title: `Task ${n}`, dueOn: '2031-01-01' })));
    const html = await header(csm);
    expect(html).toContain('aria-label="3 unread notifications"');
    expect(html).toMatch(/<span aria-hidden="true" class="absolute[^"]*">3<\/span>/);
    expect(quiet).not.toMatch(/<span aria-hidden="true" class="absolute/);
  });
});

