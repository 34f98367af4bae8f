import { describe, expect, it, vi } from 'vitest';
import { listAuditForEntity } from '@/db/queries/audit';
import { getDb } from '@/db/client';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { renderToHtml, textOf } from '@/tests/render-page';
import { reassignAccounts } from '../actions';
import { AccountTimeline } from './account-timeline';

vi.mock('next-intl/server', () => import('@/tests/intl-server'));

describe('the account timeline', () => {
  it('says what changed with names, as the audit log does', async () => {
    const [rin, kei, manager] = [await createUser('csm', { name: 'Rin Asano' }), await createUser('csm', { name: 'Kei Ono' }), await createUser('manager', { name: 'Mei' })];
    const account = await createAccount({ name: 'Timeline Works', ownerId: rin.id });
    await signInAs(manager);
    expect((await reassignAccounts(null, { ids: [account.id], ownerId: kei.id })).ok).toBe(true);
    const events = await listAuditForEntity(await getDb(), 'account', account.id);
    const text = textOf(await renderToHtml(await AccountTimeline({ events, currency: 'JPY' })));
    expect(text).toMatch(/Accounts reassigned · Mei · .+ Owner: Rin Asano → Kei Ono/);
    expect(text).not.toMatch(/Owner: \d+ →/);
  });
});
