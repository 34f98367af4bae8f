import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listActivityTypes } from '@/db/queries/playbooks';
import { getWorkspace, saveWorkspace } from '@/db/queries/workspace';
import { activities } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import { GET } from './route';

async function csv(what: string, query = '') {
  const response = await GET(new Request(`http://localhost/coverage/economics/csv/${what}${query}`), { params: Promise.resolve({ what }) });
  return { response, lines: (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n') };
}

describe('GET /coverage/economics/csv/<tiers|accounts>', () => {
  it('writes every account and each tier with plain amounts rounded to the currency, in slices that cover them all', async () => {
    const db = await getDb();
    const w = await getWorkspace(db);
    await saveWorkspace(db, { ...w, csmHourCost: '8000', tier1ToolingCost: '3000', tier2ToolingCost: '2000', tier3ToolingCost: '500', costShareThresholdPct: '20' }, w.version);
    const csm = await createUser('csm', { name: 'Noguchi Aoi' });
    const served = await createAccount({ name: '=Tsubame, Bakery', arr: '100000', ownerId: csm.id });
    const meeting = (await listActivityTypes(db)).find((t) => t.key === 'regular_meeting')!.id;
    // 50 minutes on a Tier 3 account: 0.833333 h × ¥8,000 = ¥6,666.664, + ¥500 × 12 = ¥12,666.664 → ¥12,667.
    await db.insert(activities).values({ accountId: served.id, activityTypeId: meeting, ownerId: csm.id, timeZone: 'Asia/Tokyo', durationMinutes: 50, startsAt: new Date(Date.now() - 86_400_000), status: 'completed' });
    for (let i = 0; i < 3; i++) await createAccount({ arr: '100000' });
    await signInAs(await createUser('manager'));

    const accounts = await csv('accounts');
    expect(accounts.response.headers.get('content-type')).toContain('text/csv');
    expect(accounts.response.headers.get('content-disposition')).toMatch(/economics-accounts-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv/);
    expect(accounts.lines[0]).toBe('account_id,account,tier,csm,arr,ltv,hours_delivered,cost_to_serve,cost_share_pct,over_threshold,coverage_due,coverage_on_time');
    expect(accounts.lines).toContain(`${served.id},"'=Tsubame, Bakery",3,Noguchi Aoi,100000,800000,0.833333,12667,12.7,no,0,0`);
    expect(accounts.lines).toHaveLength(5);

    const tiers = await csv('tiers', '?period=last12');
    expect(tiers.lines[0]).toBe('tier,accounts,arr,ltv,hours_delivered,cost_to_serve,cost_per_account,cost_share_pct,accounts_over_threshold');
    expect(tiers.lines).toContain('3,4,400000,3200000,0.833333,30667,7667,7.7,0');
    expect(tiers.lines.at(-1)).toBe('all,4,400000,3200000,0.833333,30667,7667,7.7,0');
  });

  it('answers 404 for anything else it is asked for', async () => {
    await signInAs(await createUser('manager'));
    expect((await csv('everything')).response.status).toBe(404);
  });
});
