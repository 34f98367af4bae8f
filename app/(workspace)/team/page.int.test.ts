import type * as Navigation from 'next/navigation';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { insertActivity } from '@/db/queries/activities';
import { listActivityTypes } from '@/db/queries/playbooks';
import { createAccount } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import SchedulePage from '../schedule/page';
import TeamPage from './page';

// The pages run as they would in a request: real session, real queries;
// next-intl's request helpers are given the real English catalog.
vi.mock('next-intl/server', () => import('@/tests/intl-server'));

// Client components read the router; rendering to HTML needs none.
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

beforeAll(() => {
  // next.config.js turns on authInterrupts; forbidden() needs the same here.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
});

const render = (page: typeof TeamPage, params: Record<string, string> = {}) => page({ searchParams: Promise.resolve(params) });
const digest = async (p: Promise<unknown>) => ((await p.then(() => null, (e: unknown) => e)) as { digest?: string } | null)?.digest;

describe('/team', () => {
  it('sends a visitor without a session to sign in', async () => {
    await signInAs(null);
    expect(await digest(render(TeamPage))).toMatch(/^NEXT_REDIRECT;replace;\/login/);
  });

  it('refuses a CSM with 403 and audits it', async () => {
    const csm = await createUser('csm');
    await signInAs(csm);
    expect(await digest(render(TeamPage))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await lastAudit()).toMatchObject({ action: 'access.denied', actorId: csm.id });
  });

  it.each(['manager', 'admin'] as const)('shows a %s the overdue work of every CSM, narrowed by CSM and tier', async (role) => {
    const db = await getDb();
    const qbr = (await listActivityTypes(db)).find((t) => t.key === 'qbr')!;
    const [aoi, ren] = [await createUser('csm', { name: 'Aoi Mori' }), await createUser('csm', { name: 'Ren Kato' })];
    const tier1 = await createAccount({ name: 'Kita Logistics', ownerId: aoi.id, arr: '8000000' });
    const tier3 = await createAccount({ name: 'Minami Cafe', ownerId: ren.id, arr: '100000' });
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const overdue = { activityTypeId: qbr.id, durationMinutes: 60, timeZone: 'Asia/Tokyo', executiveSponsor: 'CFO' };
    await insertActivity(db, { ...overdue, accountId: tier1.id, ownerId: aoi.id, startsAt: daysAgo(3) });
    await insertActivity(db, { ...overdue, accountId: tier3.id, ownerId: ren.id, startsAt: daysAgo(10) });
    await signInAs(await createUser(role));

    const all = textOf(await renderToHtml(await render(TeamPage)));
    expect(all).toContain('Team calendar');
    expect(all).toMatch(/Kita Logistics.*Aoi Mori 3 days late/);
    expect(all).toMatch(/Minami Cafe.*Ren Kato 10 days late/);

    const tier1Only = textOf(await renderToHtml(await render(TeamPage, { tier: '1', view: 'agenda' })));
    expect(tier1Only).toContain('Kita Logistics');
    expect(tier1Only).not.toContain('Minami Cafe');

    const renOnly = textOf(await renderToHtml(await render(TeamPage, { csm: String(ren.id), view: 'month' })));
    expect(renOnly).toContain('Minami Cafe');
    expect(renOnly).not.toContain('Kita Logistics');
  });

  it('says when the filters leave nothing overdue', async () => {
    await signInAs(await createUser('manager'));
    const html = textOf(await renderToHtml(await render(TeamPage, { tier: '2', csm: String((await createUser('csm')).id) })));
    expect(html).toContain('Nothing overdue for the chosen CSM and tier.');
  });
});

describe('/schedule', () => {
  it.each([
    ['csm', 'Open my accounts'],
    ['manager', 'Open the team calendar'],
    ['admin', 'Open the team calendar'],
  ] as const)('tells a %s with nothing booked where to start', async (role, next) => {
    await signInAs(await createUser(role));
    const html = textOf(await renderToHtml(await render(SchedulePage, { view: 'month', date: '2028-02-29' })));
    expect(html).toContain("My schedule The activities you run. Times are in Asia/Tokyo. Subscribe in your calendar You don't run any activities yet");
    expect(html).toContain(next);
  });
});
