import { headerMatcher, type Aliases } from '@/lib/import/headers';
import type { ContactImportColumn } from './import-plan';

// Which CSV headers fill which contact field, most specific first (see
// lib/import/headers.ts for how they are compared). Contact lists come from
// CRMs (Salesforce's 取引先責任者, Sansan and business-card exports) in
// English and Japanese.

export const contactImportHeaders: Record<ContactImportColumn, Aliases> = {
  name: { en: ['name', 'full name', 'contact name', 'contact'], ja: ['氏名', '名前', 'お名前', '担当者名', '取引先責任者名', 'フルネーム'] },
  email: { en: ['email', 'email address', 'e-mail', 'mail'], ja: ['メールアドレス', 'メール', 'Eメール', '電子メール', 'Eメールアドレス'] },
  title: { en: ['title', 'job title', 'position'], ja: ['役職', '役職名', '肩書き', '肩書', '職位'] },
  roles: { en: ['roles', 'role', 'contact roles'], ja: ['ロール', '役割', '区分'] },
  language: { en: ['language', 'preferred language', 'lang'], ja: ['言語', '希望言語', '使用言語'] },
  no_program_emails: { en: ['no program emails', 'email opt out', 'opt out', 'opted out', 'do not email', 'unsubscribed'], ja: ['メール配信停止', '配信停止', 'メール不要', 'オプトアウト'] },
  notes: { en: ['notes', 'note', 'memo', 'comments'], ja: ['メモ', '備考', 'ノート'] },
  active: { en: ['active', 'is active'], ja: ['有効', '在籍'] },
  account_external_id: {
    en: ['account external id', 'account id', 'external id', 'crm id', 'customer id', 'company id'],
    ja: ['取引先ID', '取引先コード', '外部ID', '顧客ID', '顧客コード', '企業ID', '会社ID'],
  },
  account_domain: { en: ['account domain', 'domain', 'company domain', 'website'], ja: ['取引先ドメイン', 'ドメイン', '会社ドメイン', 'Webサイト', 'ウェブサイト'] },
};

/** The field a header names and how specific the match is (0 = the field's own name), or null. */
export const contactColumnForHeader = headerMatcher(contactImportHeaders);
