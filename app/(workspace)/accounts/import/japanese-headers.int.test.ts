import { eq } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import type { PublicUser } from '@/db/queries/users';
import { accounts } from '@/db/schema';
import { createUser, signInAs } from '@/tests/factories';
import { previewImport, runImport } from './actions';
import type { ImportPreview } from './prepare-import';

// A file as a Japanese team exports it from their CRM or Excel: Japanese
// headers, UTF-8 with a BOM or Shift_JIS, imported end to end.

let manager: PublicUser;
let csm: PublicUser;
beforeEach(async () => {
  manager = await createUser('manager');
  csm = await createUser('csm', { email: `csm-${Math.random().toString(36).slice(2, 8)}@touchplan.test` });
  await signInAs(manager);
});

function upload(content: Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set('file', new File([content], '取引先一覧.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function preview(content: Uint8Array<ArrayBuffer>): Promise<ImportPreview> {
  const result = await previewImport(null, upload(content));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

const byDomain = async (domain: string) => {
  const [row] = await (await getDb()).select({ id: accounts.id }).from(accounts).where(eq(accounts.domain, domain));
  return row ? findAccount(await getDb(), row.id) : undefined;
};

const utf8WithBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

describe('a Japanese-headed file', () => {
  it('in UTF-8 with a BOM maps every column by its Japanese header and imports', async () => {
    const csv = [
      '外部ID,企業名,ドメイン,業種,従業員数,年間経常収益,粗利益率,年間解約率,成長可能性,解約リスク,ライフサイクル,更新日,担当CSM',
      `JP-BOM-1,株式会社ひかり,hikari.example,小売,300,"8,000,000",70,10,medium,high,mature,2027-06-30,${csm.email}`,
    ].join('\r\n');
    const result = await preview(utf8WithBom(csv));
    expect(result.encoding).toBe('utf-8');
    expect(result.columns.map((c) => [c.header, c.column])).toEqual([
      ['外部ID', 'external_id'],
      ['企業名', 'name'],
      ['ドメイン', 'domain'],
      ['業種', 'industry'],
      ['従業員数', 'employees'],
      ['年間経常収益', 'arr'],
      ['粗利益率', 'gross_margin_pct'],
      ['年間解約率', 'annual_churn_pct'],
      ['成長可能性', 'growth_potential'],
      ['解約リスク', 'churn_risk'],
      ['ライフサイクル', 'lifecycle_stage'],
      ['更新日', 'renewal_date'],
      ['担当CSM', 'owner_email'],
    ]);
    expect(result).toMatchObject({ mappingErrors: [], toCreate: 1, invalidRows: 0 });

    expect(await runImport(null, upload(utf8WithBom(csv), { mode: 'all' }))).toMatchObject({ ok: true, data: { created: 1 } });
    expect(await byDomain('hikari.example')).toMatchObject({
      externalId: 'JP-BOM-1',
      name: '株式会社ひかり',
      industry: '小売',
      employees: 300,
      arr: '8000000.00',
      grossMarginPct: '70.00',
      annualChurnPct: '10.00',
      growthPotential: 'medium',
      churnRisk: 'high',
      lifecycleStage: 'mature',
      renewalDate: '2027-06-30',
      ownerId: csm.id,
    });
  });

  it('in Shift_JIS as Japanese Excel saves it, with a yen amount in sen refused in the yen rule', async () => {
    const owner = await createUser('csm', { email: 'sjis-csm@touchplan.test' });
    const bytes = new Uint8Array(await readFile(new URL('../../../../tests/fixtures/accounts-ja-shift_jis.csv', import.meta.url)));
    const result = await preview(bytes);
    expect(result.encoding).toBe('shift_jis');
    // 通貨 and 備考 have no field: every amount is in the workspace currency.
    expect(result.columns.map((c) => c.column)).toEqual([
      'external_id',
      'name',
      'domain',
      'industry',
      'employees',
      'arr',
      'gross_margin_pct',
      'annual_churn_pct',
      'growth_potential',
      'lifecycle_stage',
      'renewal_date',
      'owner_email',
      null,
      null,
    ]);
    expect(result).toMatchObject({ mappingErrors: [], totalRows: 2, toCreate: 1, invalidRows: 1 });
    expect(result.errors).toEqual([{ line: 3, column: 'ARR（円）', value: '3000000.5', message: { key: 'validation.moneyWhole', values: { currency: 'JPY' } } }]);

    expect(await runImport(null, upload(bytes, { mode: 'validOnly' }))).toMatchObject({ ok: true, data: { created: 1, skipped: 1 } });
    const sakura = await byDomain('sakura-shoji.example');
    expect(sakura).toMatchObject({ externalId: 'JP-SJIS-001', name: '株式会社さくら商事', industry: '製造業', employees: 1200, arr: '12000000.00', renewalDate: '2027-03-31', ownerId: owner.id });
    expect(await byDomain('yamato-unyu.example')).toBeUndefined();
  });

  it('in UTF-16 with tabs, as Excel saves "Unicode text", imports', async () => {
    const text = ['企業名\tドメイン\t年間経常収益', '株式会社つばさ\ttsubasa-utf16.example\t2400000'].join('\r\n');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const result = await preview(bytes);
    expect(result.encoding).toBe('utf-16le');
    expect(result).toMatchObject({ mappingErrors: [], toCreate: 1, invalidRows: 0 });
    expect(await runImport(null, upload(bytes, { mode: 'all' }))).toMatchObject({ ok: true, data: { created: 1 } });
    expect(await byDomain('tsubasa-utf16.example')).toMatchObject({ name: '株式会社つばさ', arr: '2400000.00' });
  });
});
