import type { Message } from '@/lib/actions/result';
import { issueMessage } from '@/lib/actions/validation';
import { canEditAccount, canManageAccounts } from '@/lib/auth/access';
import type { Role } from '@/lib/auth/roles';
import type { CsvRow } from '@/lib/csv/parse';
import { unprotectFormula } from '@/lib/csv/write';
import { headerKey } from '@/lib/import/headers';
import { autoMapping, extraCellsError, headerOf, mappingErrors, shown, type Mapping, type RowError } from '@/lib/import/mapping';
import { domain as domainRule } from '@/lib/validation/account';
import { contactFields } from '@/lib/validation/contact';
import { contactRoles, type ContactLanguage, type ContactRole } from '@/lib/vocabulary';
import { contactColumnForHeader } from './import-headers';

// The contact CSV import as plain functions: which column fills which
// contact field, each row checked with the contact form's rules, matched to
// its account (account external id, else account domain, else the email's
// domain) and to the contact that already has its email, then turned into
// the contacts to insert and update. No database here.
//
// An email already in the workspace updates that contact (so importing the
// same file twice changes nothing the second time), as long as the row's
// account is the contact's account: moving a person between accounts is
// done on the contact, never as a side effect of a file.

export const contactImportColumns = [
  'name',
  'email',
  'title',
  'roles',
  'language',
  'no_program_emails',
  'notes',
  'active',
  'account_external_id',
  'account_domain',
] as const;
export type ContactImportColumn = (typeof contactImportColumns)[number];
export type ContactMapping = Mapping<ContactImportColumn>;

export const requiredContactColumns: readonly ContactImportColumn[] = ['name', 'email'];

export const autoContactMapping = (headers: readonly string[]): ContactMapping => autoMapping(headers, contactColumnForHeader);
export const contactMappingErrors = (mapping: ContactMapping): Message[] => mappingErrors(mapping, contactImportColumns, requiredContactColumns);

export type ContactValues = {
  name: string;
  email: string;
  title: string | null;
  roles: ContactRole[];
  language: ContactLanguage | null;
  noProgramEmails: boolean;
  notes: string | null;
  active: boolean;
};

// The words people write for each role and language, English and Japanese, compared as headers are.
const roleWords: Record<ContactRole, readonly string[]> = {
  champion: ['champion', 'チャンピオン', '推進者'],
  executive_sponsor: ['executive sponsor', 'exec sponsor', 'sponsor', '経営層スポンサー', 'エグゼクティブスポンサー', 'スポンサー', '決裁者'],
  admin: ['admin', 'administrator', '管理者', 'システム管理者'],
  end_user: ['end user', 'user', 'エンドユーザー', '利用者', 'ユーザー'],
  billing: ['billing', 'finance', '請求担当', '請求', '経理'],
};
const languageWords: Record<ContactLanguage, readonly string[]> = {
  ja: ['ja', 'japanese', 'jp', '日本語'],
  en: ['en', 'english', '英語'],
};
const yes = ['true', 'yes', 'y', '1', 'on', 'はい', '○', '◯', '✓', '有効'];
const no = ['false', 'no', 'n', '0', 'off', 'いいえ', '×', '無効'];

function lookup<K extends string>(words: Record<K, readonly string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, list] of Object.entries(words) as [K, readonly string[]][]) for (const w of [key, ...list]) map.set(headerKey(w), key);
  return map;
}
const roleOf = lookup(roleWords);
const languageOf = lookup(languageWords);
const booleanOf = lookup({ true: yes, false: no });

/** Several roles in one cell: "champion, admin", "チャンピオン、管理者", "Champion; Billing". */
const roleSeparators = /[,、，;；/|\n]+/;

export type CheckedContactRow = {
  line: number;
  /** The mapped fields that passed their rule; a blank yes/no cell is left out (the default, or the contact's value). */
  values: Partial<ContactValues>;
  accountExternalId: string | null;
  /** Lower case, as account domains are kept. */
  accountDomain: string | null;
  errors: RowError[];
};

type Check = { ok: true; value: unknown } | { ok: false; message: Message } | { ok: true; skip: true };

/** One cell through its field's rule. */
function checkCell(column: ContactImportColumn, cell: string): Check {
  const zodCheck = (schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown; error?: { issues: unknown[] } } }, v: unknown): Check => {
    const r = schema.safeParse(v);
    return r.success ? { ok: true, value: r.data } : { ok: false, message: issueMessage(r.error!.issues[0] as never) };
  };
  switch (column) {
    case 'name':
      return zodCheck(contactFields.name, cell);
    case 'email':
      return zodCheck(contactFields.email, cell);
    case 'title':
      return zodCheck(contactFields.title, cell);
    case 'notes':
      return zodCheck(contactFields.notes, cell);
    case 'roles': {
      const roles: ContactRole[] = [];
      for (const word of cell.split(roleSeparators).map((w) => w.trim()).filter(Boolean)) {
        const role = roleOf.get(headerKey(word));
        if (!role) return { ok: false, message: { key: 'import.errors.unknownRole', values: { role: word } } };
        if (!roles.includes(role)) roles.push(role);
      }
      // In vocabulary order, so a file listing them differently is no change.
      return { ok: true, value: contactRoles.filter((r) => roles.includes(r)) };
    }
    case 'language': {
      if (cell === '') return { ok: true, value: null };
      const language = languageOf.get(headerKey(cell));
      return language ? { ok: true, value: language } : { ok: false, message: { key: 'import.errors.unknownLanguage' } };
    }
    case 'no_program_emails':
    case 'active': {
      if (cell === '') return { ok: true, skip: true };
      const v = booleanOf.get(headerKey(cell));
      return v ? { ok: true, value: v === 'true' } : { ok: false, message: { key: 'import.errors.notYesNo' } };
    }
    case 'account_external_id':
      return { ok: true, value: cell === '' ? null : cell };
    case 'account_domain':
      return cell === '' ? { ok: true, value: null } : zodCheck(domainRule, cell);
  }
}

const fieldOf = {
  name: 'name',
  email: 'email',
  title: 'title',
  roles: 'roles',
  language: 'language',
  no_program_emails: 'noProgramEmails',
  notes: 'notes',
  active: 'active',
} as const satisfies Partial<Record<ContactImportColumn, keyof ContactValues>>;

/** Every row through the contact rules, cell by cell, so each error names its column. */
export function checkContactRows(headers: readonly string[], rows: readonly CsvRow[], mapping: ContactMapping): CheckedContactRow[] {
  return rows.map(({ line, cells }) => {
    const values: Partial<Record<keyof ContactValues, unknown>> = {};
    const row: CheckedContactRow = { line, values: {}, accountExternalId: null, accountDomain: null, errors: [] };
    mapping.forEach((column, i) => {
      if (!column) return;
      const raw = cells[i] ?? '';
      const result = checkCell(column, unprotectFormula(raw).trim());
      if (!result.ok) {
        row.errors.push({ line, column: headers[i] || column, value: shown(raw), message: result.message });
        return;
      }
      if ('skip' in result) return;
      if (column === 'account_external_id') row.accountExternalId = result.value as string | null;
      else if (column === 'account_domain') row.accountDomain = result.value as string | null;
      else values[fieldOf[column]] = result.value;
    });
    const extra = extraCellsError(line, cells, headers.length);
    if (extra) row.errors.push(extra);
    row.values = values as Partial<ContactValues>;
    return row;
  });
}

/** The part of an email after the @, as account domains are kept (lower case, without "www."). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase().replace(/^www\./, '');
}

/** The account keys and emails of the file, to load what they match in a few queries. */
export function contactMatchKeys(rows: readonly CheckedContactRow[]): { externalIds: string[]; domains: string[]; emails: string[] } {
  const externalIds = new Set<string>();
  const domains = new Set<string>();
  const emails = new Set<string>();
  for (const r of rows) {
    if (r.accountExternalId) externalIds.add(r.accountExternalId);
    if (r.accountDomain) domains.add(r.accountDomain);
    else if (!r.accountExternalId && r.values.email) domains.add(emailDomain(r.values.email));
    if (r.values.email) emails.add(r.values.email);
  }
  return { externalIds: [...externalIds], domains: [...domains], emails: [...emails] };
}

export type ImportAccount = { id: number; name: string; externalId: string | null; domain: string; ownerId: number | null };
export type ExistingContact = ContactValues & { id: number; accountId: number; accountName: string; version: number };
export type Importer = { id: number; role: Role };

export type PlannedContactRow = CheckedContactRow & {
  /** The account the row belongs to, and the contact it updates (null: a new one). Meaningful only without errors. */
  account: ImportAccount | null;
  contactId: number | null;
};

/**
 * Matches rows to accounts and contacts, one row at a time in file order (a
 * long file is matched in slices). A row names its account by external id or
 * domain; without either, the email's domain is looked up among account
 * domains. No such account, two columns naming different accounts, an
 * account the importer may not edit (a CSM's colleague's), an email already
 * at another account, or an email repeated in the file are errors of the row.
 */
export function contactRowMatcher(
  headers: readonly string[],
  mapping: ContactMapping,
  accounts: readonly ImportAccount[],
  contacts: readonly ExistingContact[],
  importer: Importer,
): (row: CheckedContactRow) => PlannedContactRow {
  const byExternalId = new Map(accounts.filter((a) => a.externalId).map((a) => [a.externalId!, a]));
  const byDomain = new Map(accounts.map((a) => [a.domain.toLowerCase(), a]));
  const byEmail = new Map(contacts.map((c) => [c.email.toLowerCase(), c]));
  const firstLine = new Map<string, number>();
  const header = (column: ContactImportColumn) => headerOf(headers, mapping, column);

  return (row) => {
    const errors = [...row.errors];
    const fail = (column: ContactImportColumn, value: string, key: string, values?: Message['values']) =>
      errors.push({ line: row.line, column: header(column), value: shown(value), message: { key, values } });
    const { email } = row.values;
    if (email) {
      const seen = firstLine.get(email);
      if (seen !== undefined) fail('email', email, 'import.errors.duplicateInFile', { line: seen });
      else firstLine.set(email, row.line);
    }

    let account: ImportAccount | null = null;
    const { accountExternalId: externalId, accountDomain: domain } = row;
    const byId = externalId ? byExternalId.get(externalId) : undefined;
    const byAccountDomain = domain ? byDomain.get(domain) : undefined;
    if (externalId && !byId) fail('account_external_id', externalId, 'import.errors.noAccountWithId');
    else if (domain && !byAccountDomain) fail('account_domain', domain, 'import.errors.noAccountWithDomain');
    else if (byId && byAccountDomain && byId.id !== byAccountDomain.id) fail('account_domain', domain!, 'import.errors.accountMismatch', { account: byId.name });
    else if (byId || byAccountDomain) account = (byId ?? byAccountDomain)!;
    else if (email && !externalId && !domain) {
      account = byDomain.get(emailDomain(email)) ?? null;
      if (!account) fail('email', email, 'import.errors.noAccountForEmail', { domain: emailDomain(email) });
    }

    if (account && !canEditAccount(importer, account)) {
      fail(externalId ? 'account_external_id' : domain ? 'account_domain' : 'email', externalId ?? domain ?? email ?? '', 'import.errors.notYourAccount', { account: account.name });
      account = null;
    }

    const existing = email ? byEmail.get(email) : undefined;
    if (existing && account && existing.accountId !== account.id) {
      fail('email', email!, 'import.errors.emailOtherAccount', { name: existing.name, account: existing.accountName });
    }
    return { ...row, errors, account, contactId: existing?.id ?? null };
  };
}

export type NewContactRow = ContactValues & { accountId: number; line: number; expectOwner: number | null };
export type ContactUpdate = ContactValues & { id: number; version: number; accountId: number; expectOwner: number | null };

// Roles are a set: the order they were saved in is no change.
const normalized = (v: unknown) => (Array.isArray(v) ? contactRoles.filter((r) => v.includes(r)) : v);
const same = (a: unknown, b: unknown) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));

const compared = ['name', 'email', 'title', 'roles', 'language', 'noProgramEmails', 'notes', 'active'] as const satisfies readonly (keyof ContactValues)[];

/**
 * The writes for the rows without errors: new contacts, and updates of the
 * existing ones that change something (the same file imported again writes
 * nothing). Columns the file does not have keep the contact's values; a
 * blank yes/no cell keeps it too (a new contact: emails on, active). For a
 * CSM the account's owner is written down, so the write can refuse if the
 * account changed hands in between.
 */
export function contactWritePlanner(contacts: readonly ExistingContact[], importer: Importer) {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  // Managers and admins may write to any account, so who owns it does not matter to them.
  const expectOwner = canManageAccounts(importer) ? null : importer.id;
  const writes = { creates: [] as NewContactRow[], updates: [] as ContactUpdate[], unchanged: 0 };
  const add = (row: PlannedContactRow): void => {
    if (row.errors.length || !row.account) return;
    const before = row.contactId === null ? undefined : byId.get(row.contactId);
    if (!before) {
      const values: ContactValues = { title: null, roles: [], language: null, noProgramEmails: false, notes: null, active: true, ...row.values } as ContactValues;
      writes.creates.push({ ...values, accountId: row.account.id, line: row.line, expectOwner });
      return;
    }
    const values = { ...Object.fromEntries(compared.map((f) => [f, before[f]])), ...row.values } as ContactValues;
    if (compared.every((f) => same(values[f], before[f]))) {
      writes.unchanged += 1;
      return;
    }
    writes.updates.push({ ...values, id: before.id, version: before.version, accountId: before.accountId, expectOwner });
  };
  return { add, writes };
}
