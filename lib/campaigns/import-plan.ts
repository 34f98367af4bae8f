import { unprotectFormula } from '@/lib/csv/write';
import type { CsvRow } from '@/lib/csv/parse';
import type { Message } from '@/lib/actions/result';
import { headerMatcher, type Aliases } from '@/lib/import/headers';
import { autoMapping, extraCellsError, mappingErrors, shown, type Mapping, type RowError } from '@/lib/import/mapping';
import { dayOrderHint, instantsIn, readDateTime, type DayOrder, type WallTime } from '@/lib/programs/report-dates';
import type { CampaignOutcome } from '@/lib/vocabulary';
import { eventTimeProblem } from './event-time';
import { readEmail, readOutcome, type Matched, type RecipientKeys } from './events';

// A campaign export as the sending tool writes it (HubSpot's email events,
// Marketo's activity log, Intercom's and Pendo's CSVs, a Japanese MA tool's
// 配信履歴): one row per event, with whom (an email, or the account's
// external id or domain), what (delivered, opened…) and when. Times without
// an offset are read in the workspace's time zone; "05/11/2026" is read in
// the order the file's other dates allow (US order when nothing tells).

export const campaignImportColumns = ['email', 'account', 'outcome', 'occurred_at'] as const;
export type CampaignImportColumn = (typeof campaignImportColumns)[number];
export const requiredCampaignColumns: readonly CampaignImportColumn[] = ['outcome', 'occurred_at'];

export const campaignImportHeaders: Record<CampaignImportColumn, Aliases> = {
  email: { en: ['email', 'email address', 'recipient', 'recipient email', 'e-mail', 'user email', 'visitor email'], ja: ['メールアドレス', 'メール', '宛先', '送信先', 'Eメール'] },
  account: {
    en: ['account', 'account external id', 'account id', 'external id', 'company', 'company domain', 'domain', 'account domain', 'company id'],
    ja: ['取引先', '取引先ID', '取引先ドメイン', '外部ID', '顧客ID', '会社ID', 'ドメイン'],
  },
  outcome: { en: ['outcome', 'event', 'event type', 'type', 'activity type', 'status', 'action'], ja: ['結果', 'イベント', '種別', 'イベント種別', 'ステータス', 'アクション'] },
  occurred_at: { en: ['occurred at', 'timestamp', 'time', 'date', 'created', 'created at', 'event date', 'activity date', 'sent at'], ja: ['日時', '発生日時', '配信日時', 'イベント日時', '日付', 'タイムスタンプ'] },
};

export const campaignColumnForHeader = headerMatcher(campaignImportHeaders);
export const autoCampaignMapping = (headers: readonly string[]) => autoMapping(headers, campaignColumnForHeader);

/** What stops a mapping: outcome or time left out or mapped twice, or neither an email nor an account column. */
export function campaignMappingErrors(mapping: Mapping<CampaignImportColumn>): Message[] {
  const errors = mappingErrors(mapping, campaignImportColumns, requiredCampaignColumns);
  if (!mapping.includes('email') && !mapping.includes('account')) errors.push({ key: 'campaigns.import.errors.noRecipientColumn' });
  return errors;
}

export type CheckedCampaignRow = RecipientKeys & { line: number; outcome: CampaignOutcome | null; at: WallTime | Date | null; errors: RowError[] };

/** Day first or month first for the whole file, from the dates that tell. */
export function fileDayOrder(texts: readonly string[]): DayOrder {
  for (const text of texts) {
    const hint = dayOrderHint(text);
    if (hint === 'day-first' || hint === 'month-first') return hint;
  }
  return 'month-first';
}

const dateOnly = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** A time as exports write it; a bare date is its midnight. */
function readTime(text: string, order: DayOrder): WallTime | Date | null {
  const value = readDateTime(text, order);
  if (value) return value;
  const m = dateOnly.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return readDateTime(`${date} 00:00`, order);
}

/** Each row's values, with an error for each cell that is not what its column needs. */
export function checkCampaignRows(headers: readonly string[], rows: readonly CsvRow[], mapping: Mapping<CampaignImportColumn>, order: DayOrder): CheckedCampaignRow[] {
  const at = (c: CampaignImportColumn) => mapping.indexOf(c);
  const header = (c: CampaignImportColumn) => headers[at(c)] || c;
  return rows.map(({ line, cells }) => {
    const cell = (c: CampaignImportColumn) => (at(c) < 0 ? '' : unprotectFormula(cells[at(c)] ?? '').trim());
    const row: CheckedCampaignRow = { line, email: null, account: cell('account') || null, outcome: null, at: null, errors: [] };
    const fail = (c: CampaignImportColumn, key: string) => row.errors.push({ line, column: header(c), value: shown(cell(c)), message: { key } });
    const email = cell('email');
    if (email) {
      row.email = readEmail(email);
      if (!row.email) fail('email', 'campaigns.import.errors.email');
    }
    if (!email && !row.account) row.errors.push({ line, column: '', value: '', message: { key: 'campaigns.import.errors.noRecipient' } });
    row.outcome = readOutcome(cell('outcome'));
    if (!row.outcome) fail('outcome', 'campaigns.import.errors.outcome');
    row.at = readTime(cell('occurred_at'), order);
    if (!row.at) fail('occurred_at', 'campaigns.import.errors.time');
    const extra = extraCellsError(line, cells, headers.length);
    if (extra) row.errors.push(extra);
    return row;
  });
}

export type CampaignEventRow = Matched & { outcome: CampaignOutcome; occurredAt: Date };

/**
 * Checked rows matched to accounts: the events to record, and an error on
 * each row whose recipient matches no contact or account. `match` and the
 * zone come from the caller (loaded once per file).
 */
export function matchCampaignRows(rows: readonly CheckedCampaignRow[], match: (keys: RecipientKeys) => Matched | null, timeZone: string, now = new Date()): CampaignEventRow[] {
  const instant = instantsIn(timeZone);
  const events: CampaignEventRow[] = [];
  for (const row of rows) {
    if (row.errors.length) continue;
    const occurredAt = instant(row.at!);
    const problem = eventTimeProblem(occurredAt, now);
    if (problem) {
      row.errors.push({ line: row.line, column: '', value: shown(occurredAt.toISOString()), message: { key: problem === 'tooEarly' ? 'campaigns.import.errors.timeEarly' : 'campaigns.import.errors.timeLate' } });
      continue;
    }
    const matched = match(row);
    if (!matched) {
      row.errors.push({ line: row.line, column: '', value: shown(row.email ?? row.account ?? ''), message: { key: 'campaigns.import.errors.noMatch' } });
      continue;
    }
    events.push({ ...matched, outcome: row.outcome!, occurredAt });
  }
  return events;
}
