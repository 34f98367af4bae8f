import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { coverageObligations } from '@/db/schema';
import type { PublicUser } from '@/db/queries/users';
import { createAccount } from '@/tests/accounts';
import { createUser, signInAs } from '@/tests/factories';
import type { ObligationStatus } from '@/lib/vocabulary';
import { GET } from './route';

const query = '?period=custom&from=2026-01-01&to=2026-03-31';

async function csv(chart: string, extra = '') {
  const response = await GET(new Request(`http://localhost/coverage/csv/${chart}${query}${extra}`), { params: Promise.resolve({ chart }) });
  return { response, text: (await response.text()).replace(/^\uFEFF/, '') };
}

/** A Tier 1 account of `owner` owing content shares: `statuses` due in January and February. */
async function accountOf(owner: PublicUser, name: string, statuses: ObligationStatus[]) {
  const account = await createAccount({ name, ownerId: owner.id });
  await (await getDb()).insert(coverageObligations).values(
    statuses.map((status, i) => ({ accountId: account.id, ownerId: owner.id, tier: 1, touchKind: 'content_shared' as const, every: 1, unit: 'month' as const, due: `2026-0${i + 1}-15`, deadline: `2026-0${i + 2}-15`, status })),
  );
}

describe('GET /coverage/csv/<chart>', () => {
  it("gives a CSM their own book's numbers only, in every chart", async () => {
    const csm = await createUser('csm', { name: 'Kobayashi Rin' });
    const colleague = await createUser('csm', { name: 'Mori Daichi' });
    await accountOf(csm, 'Hoshi Printing', ['on_time', 'missed']);
    await accountOf(colleague, 'Tsuru Textiles', ['missed', 'missed']);
    await signInAs(csm);

    const tiers = await csv('tiers', `&csm=${colleague.id}`);
    expect(tiers.response.headers.get('content-type')).toContain('text/csv');
    expect(tiers.response.headers.get('content-disposition')).toContain('coverage-tiers-2026-01-01-2026-03-31.csv');
    const lines = tiers.text.trim().split('\r\n');
    expect(lines[0]).toBe('tier,due,on_time,late,missed,overdue,not_yet_due,coverage_pct');
    expect(lines).toContain('1,2,1,0,1,0,0,50');
    expect(lines).toContain('all,2,1,0,1,0,0,50');

    const csms = await csv('csms');
    expect(csms.text).toContain('Kobayashi Rin');
    expect(csms.text).not.toContain('Mori Daichi');

    const trend = (await csv('trend')).text;
    expect(trend).toContain('2026-01,all,1,1,0,0,0,0,100');
    expect(trend).toContain('2026-02,all,1,0,0,1,0,0,0');
    expect(trend).toContain('2026-03,all,0,0,0,0,0,0,');

    const rules = (await csv('rules')).text;
    expect(rules).toContain('1,Content shared · every 1 month,1.k.content_shared.1.month,2,1,0,1,0,0,50');
  });

  it('gives a manager every CSM, or the one chosen', async () => {
    const csm = await createUser('csm', { name: 'Ueda Kaito' });
    await accountOf(csm, 'Kawa Steel', ['late']);
    await signInAs(await createUser('manager'));
    const all = (await csv('csms')).text;
    expect(all).toContain(`Ueda Kaito,${csm.id},1,0,1,0,0,0,0`);
    const one = (await csv('tiers', `&csm=${csm.id}`)).text;
    expect(one).toContain('all,1,0,1,0,0,0,0\r\n');
  });

  it('answers 404 for a chart that does not exist', async () => {
    await signInAs(await createUser('manager'));
    expect((await csv('nope')).response.status).toBe(404);
  });
});
