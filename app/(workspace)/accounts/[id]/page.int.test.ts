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
