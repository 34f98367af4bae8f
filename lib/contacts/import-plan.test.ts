import { describe, expect, it } from 'vitest';
import { contactColumnForHeader } from './import-headers';
import {
  autoContactMapping,
  checkContactRows,
  contactMappingErrors,
  contactMatchKeys,
  contactRowMatcher,
  contactImportColumns,
  contactWritePlanner,
  type ContactMapping,
  type ExistingContact,
  type ImportAccount,
} from './import-plan';

const rows = (...lines: string[][]) => lines.map((cells, i) => ({ line: i + 2, cells }));

describe('contact import headers', () => {
  it('reads English and Japanese headers, in any case or width', () => {
    const headers = ['氏名', 'メールアドレス', '役職', 'ロール', '言語', '配信停止', '備考', '有効', '取引先ID', 'ドメイン'];
    expect(autoContactMapping(headers)).toEqual([...contactImportColumns]);
    expect(autoContactMapping(['Full Name', 'E-mail', 'Job Title', 'ＡＣＣＯＵＮＴ ＩＤ', 'Company'])).toEqual(['name', 'email', 'title', 'account_external_id', null]);
    expect(contactColumnForHeader('メール')?.column).toBe('email');
  });

  it('lets the more specific header win when two name one field', () => {
    // "account id" is listed before "customer id" for the account's external id.
    expect(autoContactMapping(['name', 'email', '顧客ID', '取引先ID'])).toEqual(['name', 'email', null, 'account_external_id']);
  });

  it('refuses a mapping without name or email, or with a field twice', () => {
    expect(contactMappingErrors(['name', null] as ContactMapping)).toEqual([{ key: 'import.errors.missingColumn', values: { column: 'email' } }]);
    expect(contactMappingErrors(['name', 'email', 'email'])).toEqual([{ key: 'import.errors.duplicateMapping', values: { column: 'email' } }]);
  });
});

describe('checkContactRows', () => {
  const headers = ['name', 'email', 'roles', 'language', 'no_program_emails', 'active', 'account_domain'];
  const mapping = autoContactMapping(headers);

  it('reads roles, languages and yes/no in English and Japanese', () => {
    const [a, b] = checkContactRows(
      headers,
      rows(
        ['山田 花子', 'Hanako@Example.co.jp', 'チャンピオン、管理者', '日本語', 'はい', '', 'https://www.Example.co.jp/'],
        ['Ann Lee', 'ann@example.com', 'Billing; executive sponsor, champion', 'English', 'no', 'FALSE', ''],
      ),
      mapping,
    );
    expect(a).toMatchObject({
      values: { name: '山田 花子', email: 'hanako@example.co.jp', roles: ['champion', 'admin'], language: 'ja', noProgramEmails: true },
      accountDomain: 'example.co.jp',
      errors: [],
    });
    // A blank yes/no cell is left out: the contact keeps its value (a new one gets the default).
    expect(a!.values).not.toHaveProperty('active');
    expect(b).toMatchObject({ values: { roles: ['champion', 'executive_sponsor', 'billing'], language: 'en', noProgramEmails: false, active: false }, errors: [] });
  });

  it('reports each bad cell with its line, column, value and reason', () => {
    const [row] = checkContactRows(headers, rows(['', 'not-an-email', 'champion, boss', 'fr', 'maybe', 'yes', 'no domain']), mapping);
    expect(row!.errors.map((e) => [e.line, e.column, e.value, e.message.key, e.message.values?.role])).toEqual([
      [2, 'name', '', 'validation.required', undefined],
      [2, 'email', 'not-an-email', 'validation.email', undefined],
      [2, 'roles', 'champion, boss', 'import.errors.unknownRole', 'boss'],
      [2, 'language', 'fr', 'import.errors.unknownLanguage', undefined],
      [2, 'no_program_emails', 'maybe', 'import.errors.notYesNo', undefined],
      [2, 'account_domain', 'no domain', 'validation.domain', undefined],
    ]);
  });
});

describe('contactRowMatcher', () => {
  const csm = { id: 10, role: 'csm' as const };
  const manager = { id: 20, role: 'manager' as const };
  const mine: ImportAccount = { id: 1, name: 'Mine', externalId: 'CRM-1', domain: 'mine.example', ownerId: 10 };
  const theirs: ImportAccount = { id: 2, name: 'Theirs', externalId: 'CRM-2', domain: 'theirs.example', ownerId: 11 };
  const existing: ExistingContact = {
    id: 100,
    accountId: 2,
    accountName: 'Theirs',
    version: 3,
    name: 'Taro',
    email: 'taro@theirs.example',
    title: null,
    roles: ['admin'],
    language: null,
    noProgramEmails: false,
    notes: null,
    active: true,
  };
  const headers = ['name', 'email', 'account_external_id', 'account_domain'];
  const mapping = autoContactMapping(headers);
  const plan = (importer: typeof csm | typeof manager, ...lines: string[][]) => {
    const checked = checkContactRows(headers, rows(...lines), mapping);
    expect(contactMatchKeys(checked).emails.length).toBeGreaterThan(0);
    const matched = checked.map(contactRowMatcher(headers, mapping, [mine, theirs], [existing], importer));
    const planner = contactWritePlanner([existing], importer);
    matched.forEach(planner.add);
    return { matched, writes: planner.writes };
  };
  const reasons = (r: { errors: { message: { key: string } }[] }) => r.errors.map((e) => e.message.key);

  it('matches by external id, else account domain, else the email domain', () => {
    const { matched } = plan(manager, ['A', 'a@x.example', 'CRM-1', ''], ['B', 'b@x.example', '', 'THEIRS.example'], ['C', 'c@mine.example', '', '']);
    expect(matched.map((r) => r.account?.id)).toEqual([1, 2, 1]);
  });

  it('reports unmatched and contradicting rows', () => {
    const { matched } = plan(manager, ['A', 'a@x.example', 'CRM-9', ''], ['B', 'b@nowhere.example', '', ''], ['C', 'c@x.example', 'CRM-1', 'theirs.example']);
    expect(matched.map(reasons)).toEqual([['import.errors.noAccountWithId'], ['import.errors.noAccountForEmail'], ['import.errors.accountMismatch']]);
  });

  it("refuses a CSM's rows on another CSM's account, not a manager's", () => {
    expect(plan(csm, ['A', 'a@theirs.example', '', '']).matched.map(reasons)).toEqual([['import.errors.notYourAccount']]);
    expect(plan(manager, ['A', 'a@theirs.example', '', '']).matched.map(reasons)).toEqual([[]]);
  });

  it('updates the contact that has the email, reports one at another account, and a repeated email', () => {
    const { matched, writes } = plan(manager, ['Taro Yamada', 'TARO@theirs.example', '', ''], ['Taro', 'taro@theirs.example', 'CRM-1', '']);
    expect(matched.map(reasons)).toEqual([[], ['import.errors.duplicateInFile', 'import.errors.emailOtherAccount']]);
    expect(writes.updates).toEqual([expect.objectContaining({ id: 100, version: 3, name: 'Taro Yamada', roles: ['admin'], expectOwner: null })]);
    expect(writes.creates).toEqual([]);
  });

  it('writes nothing for a row that changes nothing, and asks a CSM write to check the owner', () => {
    expect(plan(manager, ['Taro', 'taro@theirs.example', '', '']).writes).toMatchObject({ creates: [], updates: [], unchanged: 1 });
    expect(plan(csm, ['New', 'new@mine.example', '', '']).writes.creates).toEqual([
      { name: 'New', email: 'new@mine.example', title: null, roles: [], language: null, noProgramEmails: false, notes: null, active: true, accountId: 1, line: 2, expectOwner: 10 },
    ]);
  });
});
