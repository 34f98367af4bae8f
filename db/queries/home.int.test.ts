import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createAccount } from '@/tests/accounts';
import { createUser } from '@/tests/factories';
import { renewalsAhead, renewalsByMonth, workspaceHealth } from './home';

describe('renewals for the home pages', () => {
  it('lists a CSM’s renewals in a range soonest first, with how many and their ARR beyond the page', async () => {
    const db = await getDb();
    const csm = await createUser('csm');
    await createAccount({ name: 'Later', ownerId: csm.id, renewalDate: '2030-06-20', arr: '3000000' });
    await createAccount({ name: 'Sooner', ownerId: csm.id, renewalDate: '2030-06-02', arr: '1000000.50' });
    await createAccount({ name: 'Outside', ownerId: csm.id, renewalDate: '2030-09-30', arr: '9000000' });
    await createAccount({ name: 'Someone else’s', renewalDate: '2030-06-10' });
    const page = await renewalsAhead(db, { ownerId: csm.id, from: '2030-06-01', to: '2030-08-29', limit: 1 });
    expect(page.rows.map((r) => [r.name, r.renewalDate])).toEqual([['Sooner', '2030-06-02']]);
    expect(page.total).toBe(2);
    expect(Number(page.arr)).toBe(4000000.5);
  });

  it('counts renewals by month, empty months included, from the given day on', async () => {
    const db = await getDb();
    await createAccount({ renewalDate: '2031-01-10', arr: '500000' });
    await createAccount({ renewalDate: '2031-01-20', arr: '1000000' });
    await createAccount({ renewalDate: '2031-03-05', arr: '2500000' });
    const months = await renewalsByMonth(db, { from: '2031-01-15', months: 3 });
    expect(months.map((m) => [m.month, m.accounts, Number(m.arr)])).toEqual([
      ['2031-01-01', 1, 1000000],
      ['2031-02-01', 0, 0],
      ['2031-03-01', 1, 2500000],
    ]);
  });
});

describe('workspace health', () => {
  it('counts active users by role, CSMs without capacity and accounts without a CSM, and names the versions in force', async () => {
    const db = await getDb();
    const before = await workspaceHealth(db);
    await createUser('csm');
    await createAccount({ ownerId: null });
    const after = await workspaceHealth(db);
    const csms = (h: typeof before) => h.users.find((u) => u.role === 'csm')?.active ?? 0;
    expect(csms(after)).toBe(csms(before) + 1);
    expect(after.accountsWithoutOwner).toBe(before.accountsWithoutOwner + 1);
    expect(after.policyVersion).toBeGreaterThanOrEqual(1);
    expect(after.playbooks.map((p) => p.tier)).toEqual([1, 2, 3]);
    expect(after.playbooks.find((p) => p.tier === 1)!.rules).toBeGreaterThan(0);
  });
});
