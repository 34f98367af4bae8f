import { z } from 'zod';
import type { Message } from '@/lib/actions/result';
import { issueMessage } from '@/lib/actions/validation';
import type { CsvRow } from '@/lib/csv/parse';
import { unprotectFormula } from '@/lib/csv/write';
import { moneyRuleError } from '@/lib/currencies';
import { columnForHeader } from './import-headers';
import {
  autoMapping as genericAutoMapping,
  extraCellsError,
  headerOf,
  mappingErrors as genericMappingErrors,
  shown,
  type Mapping as GenericMapping,
  type RowError,
} from '@/lib/import/mapping';
import { toScaled } from '@/lib/decimal';
import type { TierPolicy } from '@/lib/tiering/policy';
import { tierColumns, type TierColumns } from '@/lib/tiering/tier-columns';
import { accountFields } from '@/lib/validation/account';
import type { TierSource } from '@/lib/vocabulary';
import { ownsBook, type Role } from '@/lib/vocabulary';

// The account CSV import as plain functions: which CSV column fills which
// account field, each row checked with the same zod rules as the account
// form, then matched to existing accounts (external id, else domain) and
// turned into the rows to insert and update. No database here: the caller
// loads the existing accounts and owners and writes the result.

/** The columns an import reads, in template order; the export writes them first. */
export const importColumns = [
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
] as const;
export type ImportColumn = (typeof importColumns)[number];

export type Mapping = GenericMapping<ImportColumn>;

export const requiredColumns: readonly ImportColumn[] = ['name', 'domain'];

const fieldOf = {
  external_id: 'externalId',
  name: 'name',
  domain: 'domain',
  industry: 'industry',
  employees: 'employees',
  arr: 'arr',
  gross_margin_pct: 'grossMarginPct',
  annual_churn_pct: 'annualChurnPct',
  growth_potential: 'growthPotential',
  churn_risk: 'churnRisk',
  lifecycle_stage: 'lifecycleStage',
  renewal_date: 'renewalDate',
} as const satisfies Record<Exclude<ImportColumn, 'owner_email'>, keyof typeof accountFields>;

type Field = (typeof fieldOf)[keyof typeof fieldOf];
export type AccountFieldValues = { [F in Field]: z.output<(typeof accountFields)[F]> };

const fields = Object.values(fieldOf);

// What an unmapped column means for a new account: the form's defaults.
const newAccountDefaults: Omit<AccountFieldValues, 'name' | 'domain'> = {
  externalId: null,
  industry: null,
  employees: null,
  arr: null,
  grossMarginPct: null,
  annualChurnPct: null,
  growthPotential: null,
  churnRisk: null,
  lifecycleStage: 'onboarding',
  renewalDate: null,
};

/** Each column to the field its header names, in English or Japanese (see import-headers.ts). */
export const autoMapping = (headers: readonly string[]): Mapping => genericAutoMapping(headers, columnForHeader);

/** What stops a mapping from being imported at all: a required column left out, or one filled twice. */
export const mappingErrors = (mapping: Mapping): Message[] => genericMappingErrors(mapping, importColumns, requiredColumns);

export type { RowError };

export type CheckedRow = {
  line: number;
  cells: string[];
  /** The mapped fields that passed their rule. */
  values: Partial<AccountFieldValues>;
  /** Lower-case owner email, or null when the cell is blank or unmapped. */
  ownerEmail: string | null;
  errors: RowError[];
};

// 2027-03-31, 2027/3/31 (Excel), 2027年3月31日 (Japanese Excel's long date).
const isoLike = /^(\d{4})(?:[/.-]|年)(\d{1,2})(?:[/.-]|月)(\d{1,2})日?$/;

/**
 * A cell as the account rules expect it. Excel turns 2027-03-31 into
 * 2027/3/31 when it saves, and people type "High" or "At risk": those are
 * meant as the same values, so they are read as such.
 */
function normalizeCell(column: ImportColumn, raw: string): string {
  const cell = unprotectFormula(raw).trim();
  switch (column) {
    case 'growth_potential':
    case 'churn_risk':
    case 'owner_email':
      return cell.toLowerCase();
    case 'lifecycle_stage':
      return cell.toLowerCase().replace(/[\s-]+/g, '_');
    case 'renewal_date': {
      const m = isoLike.exec(cell.normalize('NFKC'));
      return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : cell;
    }
    default:
      return cell;
  }
}

const email = z.email('validation.email');

/**
 * Every row through the account rules, cell by cell, so each error names its
 * column. With the workspace `currency`, ARR is held to its minor units too
 * (whole yen), as the account form is.
 */
export function checkRows(headers: readonly string[], rows: readonly CsvRow[], mapping: Mapping, opts: { currency?: string } = {}): CheckedRow[] {
  return rows.map(({ line, cells }) => {
    const values: Partial<Record<Field, unknown>> = {};
    const errors: RowError[] = [];
    let ownerEmail: string | null = null;
    mapping.forEach((column, i) => {
      if (!column) return;
      const raw = cells[i] ?? '';
      const cell = normalizeCell(column, raw);
      const fail = (message: Message) => errors.push({ line, column: headers[i] || column, value: shown(raw), message });
      if (column === 'owner_email') {
        if (cell === '') return;
        if (email.safeParse(cell).success) ownerEmail = cell;
        else fail({ key: 'validation.email' });
        return;
      }
      const result = accountFields[fieldOf[column]].safeParse(cell);
      const currencyError = result.success && column === 'arr' && opts.currency ? moneyRuleError(result.data as string | null, opts.currency) : null;
      if (currencyError) fail(currencyError);
      else if (result.success) values[fieldOf[column]] = result.data;
      else fail(issueMessage(result.error.issues[0]!));
    });
    const extra = extraCellsError(line, cells, headers.length);
    if (extra) errors.push(extra);
    return { line, cells, values: values as Partial<AccountFieldValues>, ownerEmail, errors };
  });
}

/** An account as the import needs it: its keys, inputs, owner and tier state. */
export type ExistingAccount = AccountFieldValues & {
  id: number;
  ownerId: number | null;
  ltv: string | null;
  computedTier: number;
  tier: number;
  tierSource: TierSource;
  tierReason: unknown;
  overrideTier: number | null;
  overrideUntil: string | null;
  /** Written back with the update, which applies only if nobody changed the account since it was read. */
  version: number;
};

export type Owner = { id: number; email: string; role: Role; active: boolean };

export type PlannedRow = CheckedRow & {
  /** The account this row updates, or null to create one. Meaningful only without errors. */
  targetId: number | null;
  /** The owner named in the row, or null to leave the owner as it is. */
  ownerId: number | null;
};

/** The external ids and domains of the file, to load the accounts they may match in one query. */
export function matchKeys(rows: readonly CheckedRow[]): { externalIds: string[]; domains: string[]; ownerEmails: string[] } {
  const externalIds = new Set<string>();
  const domains = new Set<string>();
  const ownerEmails = new Set<string>();
  for (const r of rows) {
    if (r.values.externalId) externalIds.add(r.values.externalId);
    if (r.values.domain) domains.add(r.values.domain);
    if (r.ownerEmail) ownerEmails.add(r.ownerEmail);
  }
  return { externalIds: [...externalIds], domains: [...domains], ownerEmails: [...ownerEmails] };
}

/**
 * Matches rows to accounts: by external id, else by domain (domains are
 * compared in lower case). A later row repeating an external id or domain
 * of an earlier one, a domain that belongs to another account, a second row
 * for the same account and an owner who is not an active CSM are errors of
 * that row.
 */
export function matchRows(
  headers: readonly string[],
  mapping: Mapping,
  rows: readonly CheckedRow[],
  existing: readonly ExistingAccount[],
  owners: readonly Owner[],
): PlannedRow[] {
  return rows.map(rowMatcher(headers, mapping, existing, owners));
}

/** matchRows one row at a time, in file order, so a long file can be matched in slices. */
export function rowMatcher(
  headers: readonly string[],
  mapping: Mapping,
  existing: readonly ExistingAccount[],
  owners: readonly Owner[],
): (row: CheckedRow) => PlannedRow {
  const byExternalId = new Map(existing.filter((a) => a.externalId).map((a) => [a.externalId!, a]));
  const byDomain = new Map(existing.map((a) => [a.domain.toLowerCase(), a]));
  const ownerByEmail = new Map(owners.map((o) => [o.email.toLowerCase(), o]));
  const firstLine = { externalId: new Map<string, number>(), domain: new Map<string, number>(), target: new Map<number, number>() };
  const header = (column: ImportColumn) => headerOf(headers, mapping, column);

  return (row) => {
    const errors = [...row.errors];
    const fail = (column: ImportColumn, value: string, key: string, values?: Message['values']) =>
      errors.push({ line: row.line, column: header(column), value: shown(value), message: { key, values } });
    const { externalId, domain } = row.values;

    const seenExternal = externalId ? firstLine.externalId.get(externalId) : undefined;
    if (externalId && seenExternal !== undefined) fail('external_id', externalId, 'import.errors.duplicateInFile', { line: seenExternal });
    else if (externalId) firstLine.externalId.set(externalId, row.line);
    const seenDomain = domain ? firstLine.domain.get(domain) : undefined;
    if (domain && seenDomain !== undefined) fail('domain', domain, 'import.errors.duplicateInFile', { line: seenDomain });
    else if (domain) firstLine.domain.set(domain, row.line);

    let targetId: number | null = null;
    if (domain) {
      const byId = externalId ? byExternalId.get(externalId) : undefined;
      const sameDomain = byDomain.get(domain);
      const target = byId ?? sameDomain;
      // The domain is another account's, or the account with this domain is a different external record.
      const domainTaken =
        sameDomain !== undefined &&
        (byId ? sameDomain.id !== byId.id : Boolean(externalId && sameDomain.externalId && sameDomain.externalId !== externalId));
      if (domainTaken) fail('domain', domain, 'import.errors.domainTaken');
      else if (target) {
        const seen = firstLine.target.get(target.id);
        if (seen !== undefined) fail(byId ? 'external_id' : 'domain', byId ? externalId! : domain, 'import.errors.sameAccount', { line: seen });
        else firstLine.target.set(target.id, row.line);
        targetId = target.id;
      }
    }

    let ownerId: number | null = null;
    if (row.ownerEmail) {
      const owner = ownerByEmail.get(row.ownerEmail);
      if (!owner || !owner.active) fail('owner_email', row.ownerEmail, 'import.errors.ownerUnknown');
      else if (!ownsBook(owner.role)) fail('owner_email', row.ownerEmail, 'import.errors.ownerNotCsm');
      else ownerId = owner.id;
    }
    return { ...row, errors, targetId, ownerId };
  };
}

export type NewAccount = AccountFieldValues & TierColumns & { line: number; ownerId: number | null; notes: null };
export type AccountUpdate = AccountFieldValues &
  TierColumns & { id: number; version: number; ownerId: number | null; fromTier: number; tierChanged: boolean };

export type Tiering = { policy: TierPolicy; today: string };

/**
 * The writes for the rows without errors: new accounts, and updates of the
 * matched ones that change something (an export imported back changes
 * nothing and writes nothing). Tiers are computed as the account form does;
 * an account's active override stays on top.
 */
export function planWrites(rows: readonly PlannedRow[], existing: readonly ExistingAccount[], tiering: Tiering) {
  const planner = writePlanner(existing, tiering);
  for (const row of rows) planner.add(row);
  return planner.writes;
}

/** planWrites one row at a time, so a long file can be planned in slices. */
export function writePlanner(existing: readonly ExistingAccount[], { policy, today }: Tiering) {
  const byId = new Map(existing.map((a) => [a.id, a]));
  const writes = { creates: [] as NewAccount[], updates: [] as AccountUpdate[], unchanged: 0 };
  const add = (row: PlannedRow): void => {
    if (row.errors.length) return;
    const before = row.targetId === null ? undefined : byId.get(row.targetId);
    if (!before) {
      const values = { ...newAccountDefaults, ...row.values } as AccountFieldValues;
      writes.creates.push({ ...values, ...tierColumns(values, null, policy, today), line: row.line, ownerId: row.ownerId, notes: null });
      return;
    }
    const values = mergedValues(before, row);
    const override = before.overrideTier ? { tier: before.overrideTier as 1 | 2 | 3, until: before.overrideUntil } : null;
    const cols = tierColumns(values, override, policy, today);
    if (sameInputs(before, values) && sameTier(before, cols)) {
      writes.unchanged += 1;
      return;
    }
    const tierChanged = cols.tier !== before.tier || cols.computedTier !== before.computedTier;
    writes.updates.push({ ...values, ...cols, id: before.id, version: before.version, fromTier: before.tier, tierChanged });
  };
  return { add, writes };
}

/** The account after the row: unmapped columns keep their value; a blank owner or external id is left as it is. */
function mergedValues(before: ExistingAccount, row: PlannedRow): AccountFieldValues & { ownerId: number | null } {
  const values = Object.fromEntries(fields.map((f) => [f, before[f]])) as AccountFieldValues;
  Object.assign(values, row.values);
  // An external id links the account to another system; a blank cell must not cut that link.
  if (row.values.externalId === null) values.externalId = before.externalId;
  return { ...values, ownerId: row.ownerId ?? before.ownerId };
}

const decimalFields = new Set<Field>(['arr', 'grossMarginPct', 'annualChurnPct']);

function sameInputs(before: ExistingAccount, after: AccountFieldValues & { ownerId: number | null }): boolean {
  if (before.ownerId !== after.ownerId) return false;
  return fields.every((f) => {
    const a = before[f];
    const b = after[f];
    if (decimalFields.has(f) && typeof a === 'string' && typeof b === 'string') return toScaled(a, 2) === toScaled(b, 2);
    return a === b;
  });
}

function sameTier(before: ExistingAccount, cols: TierColumns): boolean {
  return (
    before.ltv === cols.ltv &&
    before.computedTier === cols.computedTier &&
    before.tier === cols.tier &&
    before.tierSource === cols.tierSource &&
    canonicalJson(before.tierReason) === canonicalJson(cols.tierReason)
  );
}

// jsonb returns keys in its own order; compare objects whatever the order.
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
