import { describe, expect, it } from 'vitest';
import { headerKey } from '@/lib/import/headers';
import { columnForHeader, importHeaders } from './import-headers';
import { autoMapping, importColumns, type ImportColumn } from './import-plan';

const column = (header: string) => columnForHeader(header)?.column ?? null;

describe('Japanese headers', () => {
  it.each<[string, ImportColumn]>([
    ['会社名', 'name'],
    ['企業名', 'name'],
    ['取引先名', 'name'],
    ['顧客名', 'name'],
    ['アカウント名', 'name'],
    ['ドメイン', 'domain'],
    ['Webサイト', 'domain'],
    ['外部ID', 'external_id'],
    ['顧客コード', 'external_id'],
    ['取引先ID', 'external_id'],
    ['業種', 'industry'],
    ['業界', 'industry'],
    ['従業員数', 'employees'],
    ['社員数', 'employees'],
    ['ARR', 'arr'],
    ['年間経常収益', 'arr'],
    ['年間契約金額', 'arr'],
    ['粗利率', 'gross_margin_pct'],
    ['粗利益率', 'gross_margin_pct'],
    ['解約率', 'annual_churn_pct'],
    ['年間解約率', 'annual_churn_pct'],
    ['チャーン率', 'annual_churn_pct'],
    ['成長可能性', 'growth_potential'],
    ['解約リスク', 'churn_risk'],
    ['ステージ', 'lifecycle_stage'],
    ['ライフサイクル', 'lifecycle_stage'],
    ['ライフサイクルステージ', 'lifecycle_stage'],
    ['契約更新日', 'renewal_date'],
    ['更新日', 'renewal_date'],
    ['次回更新日', 'renewal_date'],
    ['担当者メール', 'owner_email'],
    ['担当者メールアドレス', 'owner_email'],
    ['担当CSM', 'owner_email'],
    ['担当者', 'owner_email'],
  ])('%s fills %s', (header, expected) => {
    expect(column(header)).toBe(expected);
  });

  it('reads full-width and half-width letters, spaces and a unit in brackets alike', () => {
    expect(column('外部ＩＤ')).toBe('external_id');
    expect(column('ＡＲＲ（円）')).toBe('arr');
    expect(column('年間経常収益 (ARR)')).toBe('arr');
    expect(column('粗利率（％）')).toBe('gross_margin_pct');
    expect(column('解約率%')).toBe('annual_churn_pct');
    expect(column(' 会社名 ')).toBe('name');
    expect(column('会社　名')).toBe('name');
    expect(column('担当者 メール')).toBe('owner_email');
    expect(column('担当ＣＳＭ')).toBe('owner_email');
  });

  it('leaves unknown headers and the currency column out (amounts are in the workspace currency)', () => {
    expect(column('備考')).toBeNull();
    expect(column('通貨')).toBeNull();
    expect(column('LTV')).toBeNull();
  });
});

describe('English headers', () => {
  it('reads the column names and common CRM headers', () => {
    expect(column('external_id')).toBe('external_id');
    expect(column('Company Name')).toBe('name');
    expect(column('Website')).toBe('domain');
    expect(column('Annual Recurring Revenue')).toBe('arr');
    expect(column('Renewal Date')).toBe('renewal_date');
    expect(column('CSM Email')).toBe('owner_email');
  });
  it('every import column is its own header, and no alias names two fields', () => {
    for (const c of importColumns) expect(column(c)).toBe(c);
    const seen = new Map<string, string>();
    for (const [c, { en, ja }] of Object.entries(importHeaders)) {
      for (const alias of [...en, ...ja]) {
        const key = headerKey(alias);
        expect(seen.get(key) ?? c, alias).toBe(c);
        seen.set(key, c);
      }
    }
  });
});

describe('autoMapping with Japanese headers', () => {
  it('maps a typical Japanese CRM export', () => {
    expect(autoMapping(['外部ID', '会社名', 'ドメイン', '業種', '従業員数', 'ARR（円）', '粗利率', '解約率', '契約更新日', '担当者メール', '備考'])).toEqual([
      'external_id',
      'name',
      'domain',
      'industry',
      'employees',
      'arr',
      'gross_margin_pct',
      'annual_churn_pct',
      'renewal_date',
      'owner_email',
      null,
    ]);
  });
  it('prefers the more specific of two headers for one field, wherever it stands', () => {
    expect(autoMapping(['会社名', 'ドメイン', '担当者', '担当者メール'])).toEqual(['name', 'domain', null, 'owner_email']);
    expect(autoMapping(['会社名', '更新日', 'ドメイン', '契約更新日'])).toEqual(['name', null, 'domain', 'renewal_date']);
    expect(autoMapping(['取引先', '会社名', 'domain'])).toEqual([null, 'name', 'domain']);
  });
});
