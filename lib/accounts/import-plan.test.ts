import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/csv/parse';
import { defaultPolicy } from '@/lib/tiering/policy';
import { tierColumns } from '@/lib/tiering/tier-columns';
import {
  autoMapping,
  checkRows,
  mappingErrors,
  matchKeys,
  matchRows,
  planWrites,
  type ExistingAccount,
  type Owner,
} from './import-plan';

const tiering = { policy: { ...defaultPolicy, version: 1 }, today: '2026-11-22' };

function check(csv: string, currency = 'JPY') {
  const table = parseCsv(csv);
  const mapping = autoMapping(table.headers);
  return { ...table, mapping, rows: checkRows(table.headers, table.rows, mapping, { currency }) };
}

function existingAccount(overrides: Partial<ExistingAccount> = {}): ExistingAccount {
  const inputs = {
    name: 'Acme',
    domain: 'acme.jp',
    externalId: 'CRM-1',
    industry: 'SaaS',
    employees: 120,
    arr: '1000000.00',
    grossMarginPct: '80.00',
    annualChurnPct: '10.00',
    growthPotential: 'medium' as const,
    churnRisk: 'low' as const,
    lifecycleStage: 'adopting' as const,
    renewalDate: '2027-03-31',
    ...overrides,
  };
  const cols = tierColumns(inputs, null, tiering.policy, tiering.today);
  return { id: 1, version: 1, ownerId: null, overrideTier: null, overrideUntil: null, ...cols, ...inputs, ...overrides };
}

const header = 'external_id,name,domain,industry,employees,arr,gross_margin_pct,annual_churn_pct,growth_potential,churn_risk,lifecycle_stage,renewal_date,owner_email';
const csm: Owner = { id: 7, email: 'Misaki@Example.jp', role: 'csm', active: true };

function plan(csv: string, existing: ExistingAccount[] = [], owners: Owner[] = [csm]) {
  const checked = check(csv);
  const rows = matchRows(checked.headers, checked.mapping, checked.rows, existing, owners);
  return { rows, errors: rows.flatMap((r) => r.errors), ...planWrites(rows, existing, tiering) };
}

describe('autoMapping', () => {
  it('maps the import headers whatever their case or spacing, and leaves others out', () => {
    expect(autoMapping(['Name', ' DOMAIN ', 'Gross Margin Pct', 'annual-churn-pct', 'notes', 'ltv'])).toEqual([
      'name',
      'domain',
      'gross_margin_pct',
      'annual_churn_pct',
      null,
      null,
    ]);
  });

  it('maps a repeated header once, the first time', () => {
    expect(autoMapping(['name', 'domain', 'name'])).toEqual(['name', 'domain', null]);
  });
});

describe('mappingErrors', () => {
  it('needs name and domain, each from one column', () => {
    expect(mappingErrors(['name', 'domain'])).toEqual([]);
    expect(mappingErrors(['name', null, 'arr', 'arr'])).toEqual([
      { key: 'import.errors.missingColumn', values: { column: 'domain' } },
      { key: 'import.errors.duplicateMapping', values: { column: 'arr' } },
    ]);
  });
});

describe('checkRows', () => {
  it('gives a cell holding U+0000 a row error with its line, rather than passing it to the database', () => {
    const { rows } = check('Name,Domain\nGood,good.example\nBad\u0000Co,bad.example\n');
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[1]!.errors).toEqual([{ line: 3, column: 'Name', value: 'Bad\u0000Co', message: { key: 'validation.unstorable', values: {} } }]);
  });

  it('reads a good row with the account rules', () => {
    const { rows } = check(`${header}\nCRM-9,Acme,https://www.ACME.jp/,SaaS,"1,200","8,000,000",80,10,High,low,At risk,2027/3/1,misaki@example.jp\n`);
    expect(rows[0]).toMatchObject({
      line: 2,
      errors: [],
      ownerEmail: 'misaki@example.jp',
      values: {
        externalId: 'CRM-9',
        domain: 'acme.jp',
        employees: 1200,
        arr: '8000000',
        growthPotential: 'high',
        lifecycleStage: 'at_risk',
        renewalDate: '2027-03-01',
      },
    });
  });

  it('names the line, the CSV header, the value and the rule of every bad cell', () => {
    const { rows } = check('Name,Domain,Employees,ARR,Owner_Email\nAcme,not a domain,many,1.234,someone\n');
    expect(rows[0]?.errors).toEqual([
      { line: 2, column: 'Domain', value: 'not a domain', message: { key: 'validation.domain', values: {} } },
      { line: 2, column: 'Employees', value: 'many', message: { key: 'validation.wholeNumber', values: {} } },
      { line: 2, column: 'ARR', value: '1.234', message: { key: 'validation.moneyWhole', values: { currency: 'JPY' } } },
      { line: 2, column: 'Owner_Email', value: 'someone', message: { key: 'validation.email' } },
    ]);
  });

  it("holds ARR to the workspace currency's minor units, saying its rule", () => {
    expect(check('name,domain,arr\nAcme,acme.jp,1200000.5\n').rows[0]?.errors.map((e) => e.message)).toEqual([{ key: 'validation.moneyWhole', values: { currency: 'JPY' } }]);
    expect(check('name,domain,arr\nAcme,acme.jp,1200000.50\n', 'USD').rows[0]?.errors).toEqual([]);
    expect(check('name,domain,arr\nAcme,acme.jp,1.234\n', 'USD').rows[0]?.errors.map((e) => e.message)).toEqual([{ key: 'validation.moneyDecimals', values: { currency: 'USD', digits: 2 } }]);
    expect(check('name,domain,arr\nAcme,acme.jp,abc\n').rows[0]?.errors.map((e) => e.message.key)).toEqual(['validation.money']);
  });

  it('reads the dates Japanese Excel writes', () => {
    const { rows } = check('会社名,ドメイン,契約更新日\nA,a.jp,2027/3/31\nB,b.jp,2027年3月31日\nC,c.jp,２０２７年３月３１日\n');
    expect(rows.map((r) => [r.values.renewalDate, r.errors])).toEqual([
      ['2027-03-31', []],
      ['2027-03-31', []],
      ['2027-03-31', []],
    ]);
  });

  it('needs a name and refuses cells beyond the header', () => {
    const { rows } = check('name,domain\n,acme.jp\nBeta,beta.jp,extra\n');
    expect(rows[0]?.errors.map((e) => [e.column, e.message.key])).toEqual([['name', 'validation.required']]);
    expect(rows[1]?.errors.map((e) => [e.value, e.message])).toEqual([['extra', { key: 'import.errors.extraCells', values: { count: 2 } }]]);
  });

  it('takes off the apostrophe the export puts before formula-like text', () => {
    const { rows } = check("name,domain\n'=Acme,acme.jp\n");
    expect(rows[0]?.values.name).toBe('=Acme');
  });

  it('collects the keys to look up', () => {
    const { rows } = check('external_id,name,domain,owner_email\nX,A,a.jp,m@e.jp\n,B,b.jp,\n');
    expect(matchKeys(rows)).toEqual({ externalIds: ['X'], domains: ['a.jp', 'b.jp'], ownerEmails: ['m@e.jp'] });
  });
});

describe('matchRows', () => {
  const acme = existingAccount();

  it('matches by external id first, else by domain in any case, and creates the rest', () => {
    const beta = existingAccount({ id: 2, externalId: null, domain: 'beta.jp' });
    const result = plan('external_id,name,domain\nCRM-1,Acme Renamed,acme-new.jp\n,Beta,BETA.jp\nCRM-2,New,new.jp\n', [acme, beta]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.targetId)).toEqual([1, 2, null]);
  });

  it('refuses a second row for the same account', () => {
    // The second row names acme.jp, which the first row's account still holds.
    const { errors } = plan('external_id,name,domain\nCRM-1,Acme Renamed,acme-new.jp\n,Acme,ACME.jp\n', [acme]);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([[3, 'domain', { key: 'import.errors.sameAccount', values: { line: 2 } }]]);
  });

  it('refuses a repeated external id or domain on the later line', () => {
    const { errors } = plan('external_id,name,domain\nX,A,a.jp\nX,B,b.jp\nY,C,A.JP\n');
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'external_id', { key: 'import.errors.duplicateInFile', values: { line: 2 } }],
      [4, 'domain', { key: 'import.errors.duplicateInFile', values: { line: 2 } }],
    ]);
  });

  it("refuses a domain that is another account's", () => {
    const beta = existingAccount({ id: 2, externalId: 'CRM-2', domain: 'beta.jp' });
    const { errors } = plan('external_id,name,domain\nCRM-1,Acme,beta.jp\nCRM-3,Other,acme.jp\n', [acme, beta]);
    expect(errors.map((e) => [e.line, e.message.key])).toEqual([
      [2, 'import.errors.domainTaken'],
      [3, 'import.errors.domainTaken'],
    ]);
  });

  it('resolves owners by email; an unknown, inactive or non-CSM owner is an error', () => {
    const owners: Owner[] = [csm, { id: 8, email: 'boss@example.jp', role: 'manager', active: true }, { id: 9, email: 'gone@example.jp', role: 'csm', active: false }];
    const result = plan('name,domain,owner_email\nA,a.jp,MISAKI@example.jp\nB,b.jp,boss@example.jp\nC,c.jp,gone@example.jp\nD,d.jp,nobody@example.jp\n', [], owners);
    expect(result.rows[0]?.ownerId).toBe(7);
    expect(result.errors.map((e) => [e.line, e.column, e.message.key])).toEqual([
      [3, 'owner_email', 'import.errors.ownerNotCsm'],
      [4, 'owner_email', 'import.errors.ownerUnknown'],
      [5, 'owner_email', 'import.errors.ownerUnknown'],
    ]);
  });
});

describe('planWrites', () => {
  it('creates with the defaults of unmapped columns and the computed tier', () => {
    const { creates, updates } = plan('name,domain,arr,gross_margin_pct,annual_churn_pct\nBig,big.jp,8000000,80,10\n');
    expect(updates).toEqual([]);
    expect(creates).toEqual([
      expect.objectContaining({ line: 2, name: 'Big', domain: 'big.jp', lifecycleStage: 'onboarding', industry: null, ownerId: null, ltv: '64000000', tier: 1 }),
    ]);
  });

  it('writes nothing for a row equal to its account, however its numbers are written', () => {
    const csv = `${header}\nCRM-1,Acme,acme.jp,SaaS,120,1000000,80.0,10,medium,low,adopting,2027-03-31,\n`;
    expect(plan(csv, [existingAccount()])).toMatchObject({ creates: [], updates: [], unchanged: 1 });
  });

  it('keeps unmapped columns, a blank owner and a blank external id, and records a tier change', () => {
    const before = existingAccount({ ownerId: 7 });
    const { updates } = plan('external_id,name,domain,arr,owner_email\n,Acme,acme.jp,100,\n', [before]);
    expect(updates).toEqual([
      expect.objectContaining({ id: 1, externalId: 'CRM-1', industry: 'SaaS', ownerId: 7, arr: '100', tier: 3, fromTier: 2, tierChanged: true }),
    ]);
  });

  it('keeps an active override on top of the new computed tier', () => {
    const before = { ...existingAccount(), overrideTier: 1, overrideUntil: null, tier: 1, tierSource: 'override' as const };
    const { updates } = plan('name,domain,arr\nAcme,acme.jp,100\n', [before]);
    expect(updates[0]).toMatchObject({ tier: 1, tierSource: 'override', computedTier: 3, tierChanged: true });
  });

  it('leaves out rows with errors', () => {
    expect(plan('name,domain,employees\nA,a.jp,many\nB,b.jp,3\n').creates.map((c) => c.line)).toEqual([3]);
  });
});
