import type * as Navigation from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertTimeOff } from '@/db/queries/capacity';
import { tasks } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import CapacityPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const render = (params: Record<string, string> = {}) => CapacityPage({ searchParams: Promise.resolve(params) });
const digest = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as { digest?: string } | null)?.digest;

describe('/coverage/capacity', () => {
  it('sends a visitor without a session to sign in', async () => {
    await signInAs(null);
    expect(await digest(render())).toMatch(/^NEXT_REDIRECT;replace;\/login/);
  });

  it('shows a CSM their own month and time off only; a manager everyone, headcount per tier and whose time off to add', async () => {
    const db = await getDb();
    const [mine, theirs] = [await createUser('csm', { name: 'Capacity Mine' }), await createUser('csm', { name: 'Capacity Theirs' })];
    await insertTimeOff(db, { userId: mine.id, fromDate: '2030-12-02', toDate: '2030-12-03', hoursPerDay: '8', note: 'Training', createdBy: mine.id });
    await insertTimeOff(db, { userId: theirs.id, fromDate: '2030-12-09', toDate: '2030-12-09', hoursPerDay: '4', note: 'Dentist', createdBy: theirs.id });
    const account = await createAccount({ ownerId: mine.id });
    await db.insert(tasks).values({ accountId: account.id, ownerId: mine.id, title: 'Call', dueOn: '2030-12-16', estimateMinutes: 90 });

    await signInAs(mine);
    const own = textOf(await renderToHtml(await render({ month: '2030-12' })));
    expect(own).toContain('December 2030');
    expect(own).toContain('Capacity Mine');
    expect(own).not.toContain('Capacity Theirs');
    expect(own).toContain('Training');
    expect(own).toContain('incl. 1.5 h tasks');
    expect(own).not.toContain('Dentist');
    expect(own).not.toContain('Headcount needed per tier');

    const manager = await createUser('manager');
    await signInAs(manager);
    const all = textOf(await renderToHtml(await render({ month: '2030-12' })));
    expect(all).toContain('Capacity Mine');
    expect(all).toContain('Capacity Theirs');
    expect(all).toContain('Dentist');
    expect(all).toContain('Headcount needed per tier');
    expect(all).toContain('Utilisation by person');
  });

  it('falls back to this month for a month it cannot read', async () => {
    await signInAs(await createUser('manager'));
    const html = textOf(await renderToHtml(await render({ month: '2030-13' })));
    expect(html).toContain('Capacity');
    expect(html).not.toContain('2030');
  });
});
