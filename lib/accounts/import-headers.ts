import { headerMatcher, type Aliases } from '@/lib/import/headers';
import type { ImportColumn } from './import-plan';

// Which CSV headers fill which account field, most specific first (see
// lib/import/headers.ts for how they are compared).

export const importHeaders: Record<ImportColumn, Aliases> = {
  external_id: { en: ['external_id', 'external id', 'crm id', 'customer id', 'account id'], ja: ['外部ID', '外部キー', '顧客ID', '顧客コード', '取引先ID', '取引先コード', '企業ID', '会社ID'] },
  name: { en: ['name', 'company name', 'account name', 'company', 'account', 'customer'], ja: ['会社名', '企業名', '取引先名', '顧客名', 'アカウント名', '法人名', '社名', '取引先', '顧客'] },
  domain: { en: ['domain', 'website', 'url', 'web site'], ja: ['ドメイン', 'ドメイン名', 'Webサイト', 'ウェブサイト', 'ホームページ', 'サイトURL'] },
  industry: { en: ['industry', 'sector'], ja: ['業種', '業界', '業種名'] },
  employees: { en: ['employees', 'employee count', 'headcount', 'number of employees'], ja: ['従業員数', '社員数', '従業員', '従業員規模'] },
  arr: { en: ['arr', 'annual recurring revenue'], ja: ['年間経常収益', 'ARR', '年間契約金額', '年間契約額', '年間売上'] },
  gross_margin_pct: { en: ['gross_margin_pct', 'gross margin', 'gross margin %'], ja: ['粗利率', '粗利益率', '売上総利益率', 'グロスマージン'] },
  annual_churn_pct: { en: ['annual_churn_pct', 'annual churn', 'churn rate'], ja: ['解約率', '年間解約率', 'チャーン率', '年間チャーン率'] },
  growth_potential: { en: ['growth_potential', 'growth potential'], ja: ['成長可能性', '成長性', '成長余地', '成長ポテンシャル'] },
  churn_risk: { en: ['churn_risk', 'churn risk'], ja: ['解約リスク', 'チャーンリスク'] },
  lifecycle_stage: { en: ['lifecycle_stage', 'lifecycle stage', 'stage', 'lifecycle'], ja: ['ライフサイクルステージ', 'ステージ', 'ライフサイクル', 'フェーズ'] },
  renewal_date: { en: ['renewal_date', 'renewal date', 'renewal', 'contract renewal'], ja: ['契約更新日', '次回契約更新日', '次回更新日', '更新予定日', '更新日'] },
  owner_email: { en: ['owner_email', 'owner email', 'csm email', 'owner', 'csm'], ja: ['担当者メール', '担当者メールアドレス', '担当CSMメール', '担当者Email', '担当CSM', '担当者', '担当'] },
};

/** The field a header names and how specific the match is (0 = the field's own name), or null. */
export const columnForHeader = headerMatcher(importHeaders);
