import type * as Navigation from 'next/navigation';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { accounts } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { applyBookMove } from './actions';
import WhatIfPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const render = (params: Record<string, string | string[]> = {}) => WhatIfPage({ searchParams: Promise.resolve(params) });
const failure = async (p: Promise<unknown>) => (await p.then(() => null, (e: unknown) => e)) as { digest?: string } | null;

describe('/coverage/capacity/what-if', () => {
  it('is for managers and admins only', async () => {
    await signInAs(await createUser('csm'));
    expect(await failure(render())).not.toBeNull();
    await signInAs(await createUser('manager'));
    expect(textOf(await renderToHtml(await render()))).toContain('No changes yet');
    // New thresholds re-tier every account for the figures, and say where an admin saves them.
    const retiered = textOf(await renderToHtml(await render({ t1: '999999999999999', t2: '1' })));
    expect(retiered).toContain('Tier thresholds: Tier 1 from an LTV of');
    expect(retiered).toContain('An admin saves new thresholds as a tier policy under Admin → Tiering.');
  });

  it('shows the hours move with the accounts, changes nothing until applied, and the move applies through the action', async () => {
    const db = await getDb();
    const from = await createUser('csm', { name: 'WhatIf From' });
    const to = await createUser('csm', { name: 'WhatIf To' });
    const small = await createAccount({ name: 'WhatIf Small', ownerId: from.id, arr: '1000' });
    await createAccount({ name: 'WhatIf Big', ownerId: from.id, arr: '900000000' });
    await signInAs(await createUser('manager'));

    const move = `${from.id}.${to.id}.${small.tier}.1`;
    const html = textOf(await renderToHtml(await render({ move })));
    expect(html).toContain(`Move 1 Tier ${small.tier} accounts from WhatIf From to WhatIf To`);
    expect(html).toMatch(/WhatIf From\s*2 → 1/);
    expect(html).toMatch(/WhatIf To\s*0 → 1/);
    // The lowest ARR goes first, and the page says which before anything moves.
    expect(html).toContain('WhatIf Small');
    expect(html).toContain('Move these 1 accounts');
    expect((await db.select({ ownerId: accounts.ownerId }).from(accounts).where(eq(accounts.id, small.id)))[0]!.ownerId).toBe(from.id);

    const res = await applyBookMove(null, { fromId: String(from.id), ownerId: String(to.id), tier: String(small.tier), count: '1' });
    expect(res.ok).toBe(true);
    expect((await db.select({ ownerId: accounts.ownerId }).from(accounts).where(eq(accounts.id, small.id)))[0]!.ownerId).toBe(to.id);
    // Asked again for more than the book holds: nothing moves.
    const again = await applyBookMove(null, { fromId: String(from.id), ownerId: String(to.id), tier: String(small.tier), count: '5' });
    expect(again.ok).toBe(false);
  });

  it('adds a change from its form, or shows the form again with the error beside the field', async () => {
    await signInAs(await createUser('manager'));
    const added = await failure(render({ add: 'hire', hire_hours: '100' }));
    expect(added?.digest).toMatch(/NEXT_REDIRECT;replace;\/coverage\/capacity\/what-if\?month=\d{4}-\d{2}&amp;hire=100|NEXT_REDIRECT;replace;\/coverage\/capacity\/what-if\?month=\d{4}-\d{2}&hire=100/);
    const wrong = textOf(await renderToHtml(await render({ add: 'hire', hire_hours: '900' })));
    expect(wrong).toContain('Enter hours from 0 to 744.');
  });
});
