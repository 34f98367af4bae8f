import type * as Navigation from 'next/navigation';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { tasks, users, workspaceSettings } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import HomePage from '../page';
import TasksPage from '../tasks/page';

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

  it('counts a task due today on the workspace’s day, as /tasks does, for a CSM whose own zone is on another date', async () => {
    // A zone whose date now differs from Tokyo's: 20 hours behind, or else (Tokyo after 20:00) 5 hours ahead.
    const away = todayIn('Pacific/Pago_Pago') !== today ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
    expect(todayIn(away)).not.toBe(today);
    const csm = await createUser('csm', { name: 'Far-away CSM' });
    await (await getDb()).update(users).set({ timeZone: away }).where(eq(users.id, csm.id));
    const account = await createAccount({ ownerId: csm.id, name: 'Far-away account' });
    await (await getDb()).insert(tasks).values({ accountId: account.id, ownerId: csm.id, title: 'Call before the workspace’s day ends', dueOn: today });
    await signInAs(csm);
    const home = textOf(await renderToHtml(await HomePage()));
    expect(home).toContain('Due today (1)');
    expect(home).not.toContain('Overdue (1)');
    expect(home).not.toContain('This week (1)');
    const inbox = textOf(await renderToHtml(await TasksPage({ searchParams: Promise.resolve({}) })));
    expect(inbox).toContain('Due today (1)');
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
