import { beforeAll, describe, expect, it, vi } from 'vitest';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import SchedulePage from '../schedule/page';
import TeamPage from './page';

// The pages run as they would in a request: real session, real queries;
// next-intl's request helpers are given the real English catalog.
vi.mock('next-intl/server', async () => {
  const { createFormatter, createTranslator } = await import('next-intl');
  const { loadMessages } = await import('@/lib/i18n/messages');
  const messages = await loadMessages('en');
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: 'en', messages, namespace: namespace as never }),
    getFormatter: async () => createFormatter({ locale: 'en', timeZone: 'Asia/Tokyo' }),
    getNow: async () => new Date(),
    getLocale: async () => 'en',
  };
});

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

  it.each(['manager', 'admin'] as const)('opens for a %s, with filters and every view', async (role) => {
    await signInAs(await createUser(role));
    for (const view of ['agenda', 'week', 'month']) {
      await expect(render(TeamPage, { view, tier: '1', page: '3' })).resolves.toBeTruthy();
    }
  });
});

describe('/schedule', () => {
  it.each(['csm', 'manager', 'admin'] as const)('opens for a %s', async (role) => {
    await signInAs(await createUser(role));
    await expect(render(SchedulePage, { view: 'month', date: '2028-02-29' })).resolves.toBeTruthy();
  });
});
