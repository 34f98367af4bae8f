import { count, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { PublicUser } from '@/db/queries/users';
import { accounts, tierHistory } from '@/db/schema';
import { parseCsv } from '@/lib/csv/parse';
import { createAccount } from '@/tests/accounts';
import { lastAudit } from '@/tests/audit';
import { createUser, signInAs } from '@/tests/factories';
import { setTierOverride } from '../actions';
import { runImport } from '../import/actions';
import { GET } from './route';

let csm: PublicUser;
let manager: PublicUser;

beforeEach(async () => {
  csm = await createUser('csm');
  manager = await createUser('manager');
});

const tag = () => randomBytes(4).toString('hex');

async function exportCsv(query = '', headers: Record<string, string> = {}) {
  const response = await GET(new Request(`http://localhost/accounts/export${query}`, { headers }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, table: parseCsv(new TextDecoder().decode(bytes)) };
}

const column = (table: ReturnType<typeof parseCsv>, name: string) => {
  const i = table.headers.indexOf(name);
  return table.rows.map((r) => r.cells[i]);
};

describe('account export', () => {
  it('refuses a signed-out request', async () => {
    await signInAs(null);
    const response = await GET(new Request('http://localhost/accounts/export'));
    expect(response.status).toBe(401);
  });

  it('writes the import columns and the tier columns, with a BOM, for the filtered list, and audits it', async () => {
    const t = tag();
    await createAccount({ name: `Alpha ${t}`, externalId: `E-${t}`, ownerId: csm.id });
    await createAccount({ name: `Beta ${t}`, arr: '9000000' });
    await createAccount({ name: `Other ${tag()}` });
    await signInAs(manager);
    const { response, bytes, table } = await exportCsv(`?q=${t}&tier=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(table.headers).toEqual([
      'external_id',
      'name',
      'domain',
      'industry',
      'employees',
      'arr',
      'gross_margin_pct',
      'annual_churn_pct',
      'growth_potential',
      'churn_risk',
      'lifecycle_stage',
      'renewal_date',
      'owner_email',
      'ltv',
      'tier',
      'tier_source',
      'tier_reason',
    ]);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]?.cells).toEqual([
      `E-${t}`,
      `Alpha ${t}`,
      expect.stringMatching(/\.example\.jp$/),
      'SaaS',
      '120',
      '1000000', // yen have no minor units
      '80.00',
      '10.00',
      'medium',
      'low',
      'adopting',
      '2027-03-31',
      csm.email,
      '8000000',
      '2',
      'computed',
      'Tier 2: LTV ¥8,000,000 ≥ ¥5,000,000',
    ]);
    expect(await lastAudit()).toMatchObject({ action: 'account.export', actorId: manager.id, after: { filter: { q: t, tiers: [2] }, rows: 1 } });
  });

  it('writes what the account page says for an override: who, until when, why, and the computed tier', async () => {
    const t = tag();
    const account = await createAccount({ name: `Override ${t}`, arr: '1326000' });
    await signInAs(manager);
    expect((await setTierOverride(null, { id: account.id, version: account.version, tier: '1', reason: 'Strategic logo', until: '2099-03-31' })).ok).toBe(true);
    const { table } = await exportCsv(`?q=${t}`);
    expect(column(table, 'tier')).toEqual(['1']);
    expect(column(table, 'tier_source')).toEqual(['override']);
    expect(column(table, 'tier_reason')).toEqual([
      `Tier 1: override by ${manager.name} until 2099-03-31. Reason: Strategic logo. Computed: Tier 2: LTV ¥10,608,000 ≥ ¥5,000,000`,
    ]);
  });

  it("gives a CSM their own book by default and everyone's on request", async () => {
    const t = tag();
    await createAccount({ name: `Mine ${t}`, ownerId: csm.id });
    await createAccount({ name: `Theirs ${t}` });
    await signInAs(csm);
    expect(column((await exportCsv(`?q=${t}`)).table, 'name')).toEqual([`Mine ${t}`]);
    expect(column((await exportCsv(`?q=${t}&owner=all`)).table, 'name')).toEqual([`Mine ${t}`, `Theirs ${t}`]);
  });

  it("writes the tier reason in the reader's language, and keeps formulas from running in Excel", async () => {
    const t = tag();
    await createAccount({ name: `=HYPERLINK("x") ${t}` });
    await signInAs(manager);
    const { table } = await exportCsv(`?q=${t}`, { 'accept-language': 'ja' });
    expect(column(table, 'name')).toEqual([`'=HYPERLINK("x") ${t}`]);
    expect(column(table, 'tier_reason')[0]).toMatch(/^Tier 2：LTV .8,000,000 ≥ .5,000,000$/);
  });

  it('streams every page of a long list', async () => {
    const t = tag();
    const rows = Array.from({ length: 4100 }, (_, i) => `Page ${t} ${i},page-${i}-${t}.example`);
    await signInAs(manager);
    expect((await runImport(null, upload(`name,domain\n${rows.join('\n')}\n`))).ok).toBe(true);
    const names = column((await exportCsv(`?q=${t}`)).table, 'name');
    expect(names).toHaveLength(4100);
    expect(new Set(names).size).toBe(4100);
  });
});

function upload(content: Uint8Array<ArrayBuffer> | string): FormData {
  const data = new FormData();
  data.set('file', new File([content], 'accounts.csv', { type: 'text/csv' }));
  data.set('mode', 'all');
  return data;
}

describe('export then import', () => {
  it('changes nothing: no account is updated and no tier history is written', async () => {
    const t = tag();
    const ids = [
      (await createAccount({ name: `Round ${t}, "quoted"\nand two lines`, externalId: `R-${t}`, ownerId: csm.id })).id,
      (await createAccount({ name: `Round ${t} blanks`, industry: null, employees: null, arr: null, growthPotential: null, churnRisk: null, renewalDate: null })).id,
      // Whole yen (JPY has no minor units); the percentages carry the decimals.
      (await createAccount({ name: `Round ${t} decimals`, arr: '1234567', grossMarginPct: '66.67', annualChurnPct: '0', lifecycleStage: 'at_risk' })).id,
      (await createAccount({ name: `-Round ${t} formula`, externalId: `+${t}` })).id,
    ];
    const db = await getDb();
    await db.update(accounts).set({ overrideTier: 1, overrideReason: 'Strategic', tier: 1, tierSource: 'override' }).where(eq(accounts.id, ids[0]!));
    const before = await db.select().from(accounts);
    const [historyBefore] = await db.select({ n: count() }).from(tierHistory);

    await signInAs(manager);
    const { bytes, table } = await exportCsv(`?q=${t}`);
    expect(table.rows).toHaveLength(4);
    const result = await runImport(null, upload(bytes));
    expect(result).toEqual({ ok: true, data: { created: 0, updated: 0, unchanged: 4, skipped: 0 } });
    expect(await db.select().from(accounts)).toEqual(before);
    expect((await db.select({ n: count() }).from(tierHistory))[0]).toEqual(historyBefore);
  });
});
