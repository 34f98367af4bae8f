import type * as Navigation from 'next/navigation';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { coverageObligations } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import AccountPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
  usePathname: () => '/accounts',
  useSearchParams: () => new URLSearchParams(),
}));

describe('the account page, "What the playbook asks"', () => {
  it('shows each rule\'s open obligation as the coverage job worked it out: next due, overdue, and the touch that last met it', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ name: 'Minato Optics', ownerId: csm.id });
    const db = await getDb();
    await db.delete(coverageObligations).where(eq(coverageObligations.accountId, account.id));
    const rule = { accountId: account.id, tier: account.tier, touchKind: 'content_shared' as const, every: 1, unit: 'month' as const };
    await db.insert(coverageObligations).values([
      { ...rule, due: '2026-10-01', deadline: '2026-10-01', status: 'on_time', metOn: '2026-09-28' },
      { ...rule, due: '2026-10-28', deadline: '2026-10-28', status: 'overdue' },
      { ...rule, touchKind: 'program_attended', every: 3, due: '2027-01-15', deadline: '2027-01-15', status: 'not_yet_due' },
    ]);
    await signInAs(csm);
    const text = textOf(await renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(account.id) }), searchParams: Promise.resolve({}) })));
    expect(text).toContain('What the playbook asks');
    expect(text).toMatch(/Content shared · every month\s*Last Sep 28, 2026\s*Due Oct 28, 2026\s*Overdue/);
    expect(text).toMatch(/Attended a program · every 3 months\s*Not met yet\s*Due Jan 15, 2027/);
  });
});

describe('the account page, an override suggested by a link', () => {
  it('opens the override form with the tier and reason the link carries; without them it stays closed and empty', async () => {
    const account = await createAccount({ name: 'Kanda Robotics', arr: '8000000' });
    await signInAs(await createUser('manager'));
    const render = async (query: Record<string, string>) => renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(account.id) }), searchParams: Promise.resolve(query) }));
    const reason = 'Tier 1 coverage 25% (1 of 4 touches on time): value left without care.';
    const html = await render({ overrideTier: '2', overrideReason: reason });
    expect(html).toMatch(/<details id="override" open=""/);
    expect(html).toContain(`>${reason}</textarea>`);
    expect(html).toMatch(/<option value="2" selected="">Tier 2<\/option>/);
    const plain = await render({});
    expect(plain).not.toMatch(/<details id="override" open/);
    expect(plain).toMatch(/<option value="1" selected="">Tier 1<\/option>/);
  });
});

describe('the account page, a new task', () => {
  it('offers the owner (and managers, with a choice of owner) a new task on the account, and not another CSM', async () => {
    const csm = await createUser('csm', { name: 'Task page CSM' });
    const account = await createAccount({ name: 'Task page account', ownerId: csm.id });
    const render = async () => renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(account.id) }), searchParams: Promise.resolve({}) }));
    await signInAs(csm);
    let html = await render();
    expect(textOf(html)).toContain('New task');
    expect(html).toContain(`name="accountId" value="${account.id}"`);
    expect(html).not.toContain('name="ownerId"');
    // Any active user may own a task, not only the CSMs the booking form offers.
    const admin = await createUser('admin', { name: `Task owner admin ${account.id}` });
    expect(html).not.toContain(admin.name);
    await signInAs(await createUser('manager'));
    html = await render();
    expect(html).toContain(`>${admin.name}</option>`);
    await signInAs(await createUser('csm'));
    expect(textOf(await render())).not.toContain('New task');
  });
});
