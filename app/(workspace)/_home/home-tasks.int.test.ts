import type * as Navigation from 'next/navigation';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { tasks, workspaceSettings } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import HomePage from '../page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

const tz = 'Asia/Tokyo';
const today = todayIn(tz);

beforeAll(async () => {
  await (await getDb()).insert(workspaceSettings).values({ id: 1, name: 'Home', currency: 'JPY', timeZone: tz }).onConflictDoNothing();
});

describe('tasks on the home page', () => {
  it('shows a CSM this week’s tasks by overdue, today and this week, with a link to the inbox', async () => {
    const csm = await createUser('csm', { name: 'Home CSM' });
    const account = await createAccount({ ownerId: csm.id, name: 'Home task account' });
    await (await getDb()).insert(tasks).values([
      { accountId: account.id, ownerId: csm.id, title: 'Chase the invoice', dueOn: addDays(today, -2) },
      { accountId: account.id, ownerId: csm.id, title: 'Call the champion', dueOn: today },
      { accountId: account.id, ownerId: csm.id, title: 'Plan next month', dueOn: addDays(today, 20) },
    ]);
    await signInAs(csm);
    const html = await renderToHtml(await HomePage());
    const text = textOf(html);
    expect(text).toContain('My tasks this week');
    expect(text).toContain('Overdue (1)');
    expect(text).toContain('Chase the invoice');
    expect(text).toContain('Due today (1)');
    expect(text).not.toContain('Plan next month');
    expect(html).toContain('href="/tasks"');
  });

  it('shows a manager the team’s task load, unassigned first', async () => {
    const manager = await createUser('manager');
    const csm = await createUser('csm', { name: 'Loaded CSM' });
    const account = await createAccount({ ownerId: csm.id });
    await (await getDb()).insert(tasks).values([
      { accountId: account.id, ownerId: csm.id, title: 'One', dueOn: addDays(today, -1) },
      { accountId: account.id, ownerId: null, title: 'Pooled', dueOn: today },
    ]);
    await signInAs(manager);
    const text = textOf(await renderToHtml(await HomePage()));
    expect(text).toContain('The team’s tasks');
    expect(text).toContain('Loaded CSM');
    expect(text).toContain('Nobody (pooled, no pool member)');
  });
});
