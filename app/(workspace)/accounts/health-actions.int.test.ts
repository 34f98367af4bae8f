import type * as Navigation from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { accountHealthCard } from '@/db/queries/health-read';
import { lastAudit } from '@/tests/audit';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import AccountPage from './[id]/page';
import { setAccountPulse } from './health-actions';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

describe('setAccountPulse', () => {
  it('sets the pulse, scores the account at once, and refuses a save from a stale version', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(csm);
    expect(await setAccountPulse(null, { accountId: account.id, version: 0, pulse: 'red', note: 'Champion left' })).toEqual({ ok: true, data: undefined });
    const card = await accountHealthCard(await getDb(), account.id);
    // Only the pulse has data: red scores 0, a tenth of the default model's weight.
    expect(card?.health).toMatchObject({ score: 0, band: 'poor', dataShare: '0.1000' });
    expect(card?.pulse).toMatchObject({ pulse: 'red', note: 'Champion left', version: 1 });
    expect(await lastAudit()).toMatchObject({ action: 'account.pulse', entityId: String(account.id), after: { pulse: 'red', note: 'Champion left' } });

    expect(await setAccountPulse(null, { accountId: account.id, version: 0, pulse: 'green', note: '' })).toEqual({ ok: false, error: { key: 'health.pulse.conflict' } });
    expect(await setAccountPulse(null, { accountId: account.id, version: 1, pulse: 'green', note: '' })).toMatchObject({ ok: true });
    expect((await accountHealthCard(await getDb(), account.id))?.health).toMatchObject({ score: 100, band: 'good' });

    const html = await renderToHtml(await AccountPage({ params: Promise.resolve({ id: String(account.id) }), searchParams: Promise.resolve({ tab: 'signals' }) }));
    expect(textOf(html)).toContain('100');
    expect(textOf(html)).toContain('Good');
    expect(textOf(html)).toContain('10% of the model’s weight had data');
  });

  it('is refused on someone else’s account', async () => {
    const other = await createUser('csm');
    const account = await createAccount({ ownerId: (await createUser('csm')).id });
    await signInAs(other);
    expect(await setAccountPulse(null, { accountId: account.id, version: 0, pulse: 'red', note: '' })).toEqual({ ok: false, error: { key: 'errors.forbidden' } });
  });
});
