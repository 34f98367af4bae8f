import type * as Navigation from 'next/navigation';
import { describe, expect, it, vi } from 'vitest';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { decideOverrideRequest, requestTierOverride } from '../actions';
import RequestsPage from './page';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));
vi.mock('next/navigation', async (original) => ({
  ...(await original<typeof Navigation>()),
  useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {}, prefetch: () => {} }),
}));

describe('/accounts/requests', () => {
  it('shows what to weigh a request against, and keeps each decision in the history', async () => {
    const csm = await createUser('csm', { name: 'Rin Asano' });
    const manager = await createUser('manager', { name: 'Kei Ono' });
    const account = await createAccount({ name: 'Sora Robotics', ownerId: csm.id, arr: '1326000' });
    await signInAs(csm);
    const asked = await requestTierOverride(null, { id: account.id, tier: '1', reason: 'Reference customer for robotics', until: '' });
    expect(asked.ok).toBe(true);

    await signInAs(manager);
    const pending = textOf(await renderToHtml(await RequestsPage()));
    expect(pending).toMatch(/Sora Robotics requested by Rin Asano on/);
    expect(pending).toContain('Why Reference customer for robotics');
    expect(pending).toContain('ARR · LTV ¥1,326,000 · ¥10,608,000');
    expect(pending).toContain('Computed Tier 2: LTV ¥10,608,000 ≥ ¥5,000,000');
    expect(pending).toContain('No request has been decided yet.');

    const requestId = asked.ok ? (asked.data as { requestId: number }).requestId : 0;
    expect((await decideOverrideRequest(null, { requestId, decision: 'approve', note: 'Agreed in the pipeline review' })).ok).toBe(true);
    const after = textOf(await renderToHtml(await RequestsPage()));
    expect(after).toContain('No pending requests');
    expect(after).toMatch(/Sora Robotics Tier 1, asked by Rin Asano Reference customer for robotics Approved Kei Ono Agreed in the pipeline review/);
  });
});
