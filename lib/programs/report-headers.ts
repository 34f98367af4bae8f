// The words Zoom and Teams write in their attendee reports, in English and
// Japanese, and what each means. Headers are compared without case, width
// or spaces ("期間 (分)" = "期間(分)", "First join" = "First Join"). Where
// two columns name one field the earlier alias in its list wins
// ("User Email" over "Participant ID (UPN)", "Name" over "参加者").
//
// Checked against public copies of real exports: Zoom webinar ("Attendee
// Report", "Host Details", "Panelist Details", "Attendee Details"; Attended,
// User Name (Original Name), First Name, Last Name, Email, Registration Time,
// Join Time, Leave Time, Time in Session (minutes), Is Guest), Zoom meeting
// participants (Meeting ID, Topic, Start Time, End Time, User Email,
// Duration (Minutes), Participants; then Name (Original Name), User Email,
// Join Time, Leave Time, Duration (Minutes), Guest) and Teams ("1. Summary",
// "2. Participants", "3. In-Meeting Activities"; Name, First Join, Last
// Leave, In-Meeting Duration, Email, Participant ID (UPN), Role; Join Time,
// Leave Time, Duration). The Japanese words follow Zoom's and Microsoft's
// Japanese interfaces; no Japanese export could be checked, so each field
// takes the likely variants.

export const personFields = ['name', 'firstName', 'lastName', 'email', 'join', 'leave', 'duration', 'attended', 'guest', 'role'] as const;
export type PersonField = (typeof personFields)[number];

export const summaryFields = ['topic', 'start', 'hostEmail'] as const;
export type SummaryField = (typeof summaryFields)[number];

/** Lowercase, half-width, no spaces, so one spelling matches every variant. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000_]+/g, '').replace(/[：:]$/, '');
}

const personAliases: Record<PersonField, string[]> = {
  name: [
    'User Name (Original Name)', 'Name (Original Name)', 'User Name', 'Name', 'Full Name', 'Display Name', 'Participant Name',
    'ユーザー名(元の名前)', '名前(元の名前)', 'ユーザー名', '名前', '氏名', '表示名', '参加者名', '参加者',
  ],
  firstName: ['First Name', '名'],
  lastName: ['Last Name', '姓'],
  email: [
    'Email', 'User Email', 'Email Address', 'E-mail', 'Participant ID (UPN)', 'UPN',
    'メール', 'メールアドレス', 'ユーザーメール', 'ユーザーのメール', 'ユーザーのメールアドレス', 'ユーザーメールアドレス', '電子メール', 'Eメール', '参加者ID(UPN)',
  ],
  join: ['Join Time', 'First Join', 'First Join Time', 'Joined', '参加時刻', '参加時間', '初回参加', '初回参加時刻', '最初の参加', '入室時刻', '参加日時'],
  leave: ['Leave Time', 'Last Leave', 'Last Leave Time', 'Left', '退出時刻', '退出時間', '最終退出', '最終退出時刻', '最後の退出', '退室時刻', '退出日時'],
  duration: [
    'Time in Session (minutes)', 'Duration (Minutes)', 'In-Meeting Duration', 'In Meeting Duration', 'Duration', 'Attendance Duration',
    'セッション時間(分)', 'セッションの時間(分)', '期間(分)', '時間(分)', '会議中の時間', '会議内の時間', '会議の長さ', '出席時間', '期間', '継続時間',
  ],
  attended: ['Attended', '出席', '出席済み', '出席した', '参加済み'],
  guest: ['Is Guest', 'Guest', 'ゲスト', 'ゲストである', 'ゲストですか'],
  role: ['Role', '役割', 'ロール'],
};

const summaryAliases: Record<SummaryField, string[]> = {
  topic: ['Topic', 'Meeting Title', 'Meeting Name', 'Title', 'Webinar Name', 'トピック', '会議のタイトル', '会議タイトル', 'ミーティングのタイトル', 'タイトル', '会議名'],
  start: [
    'Actual Start Time', 'Start Time', 'Meeting Start Time', 'Start', '実際の開始時刻', '実際の開始時間', '開始時刻', '開始時間', '会議の開始時刻', '開始日時',
  ],
  // Zoom's meeting summary names the host by "User Email"; only read there.
  hostEmail: ['User Email', 'Host Email', 'ユーザーメール', 'ユーザーのメール', 'ホストのメール'],
};

function index<F extends string>(aliases: Record<F, string[]>): Map<string, { field: F; rank: number }> {
  const map = new Map<string, { field: F; rank: number }>();
  for (const [field, list] of Object.entries(aliases) as [F, string[]][]) {
    list.forEach((alias, rank) => {
      const key = normalizeHeader(alias);
      if (!map.has(key)) map.set(key, { field, rank });
    });
  }
  return map;
}
const personIndex = index(personAliases);
const summaryIndex = index(summaryAliases);

function lookup<F extends string>(map: Map<string, { field: F; rank: number }>, header: string) {
  const key = normalizeHeader(header);
  // "Duration (Minutes)" and "期間（分）" are listed; any other unit in brackets is read as the bare word.
  return map.get(key) ?? map.get(key.replace(/\([^)]*\)$/, ''));
}

/**
 * For a header row, the column of each field it names; the more specific
 * alias wins when two columns name one field.
 */
export function mapColumns<F extends string>(cells: string[], kind: 'person' | 'summary'): Partial<Record<F, number>> {
  const map = (kind === 'person' ? personIndex : summaryIndex) as Map<string, { field: F; rank: number }>;
  const best = new Map<F, { column: number; rank: number }>();
  cells.forEach((cell, column) => {
    const hit = cell.trim() ? lookup(map, cell) : undefined;
    if (!hit) return;
    const seen = best.get(hit.field);
    if (!seen || hit.rank < seen.rank) best.set(hit.field, { column, rank: hit.rank });
  });
  return Object.fromEntries([...best].map(([field, { column }]) => [field, column])) as Partial<Record<F, number>>;
}

/** The sections reports are cut into, by their title row. */
export type Section = 'host' | 'panelist' | 'attendee' | 'summary' | 'participants' | 'activities' | 'registrants' | 'other';

const sectionTitles: [Section, string[]][] = [
  ['host', ['Host Details', 'Host', 'ホストの詳細', 'ホスト詳細', 'ホスト']],
  ['panelist', ['Panelist Details', 'Panelists', 'パネリストの詳細', 'パネリスト詳細', 'パネリスト']],
  ['attendee', ['Attendee Details', 'Other Attended', 'Attendees', '出席者の詳細', '出席者詳細', '出席者', 'その他の出席者']],
  ['registrants', ['Registrant Details', '登録者の詳細', '登録者詳細']],
  ['summary', ['Summary', 'Attendee Report', 'Meeting Summary', '概要', '要約', 'サマリー', '出席者レポート']],
  ['participants', ['Participants', 'Participant Details', '参加者', '参加者の詳細']],
  ['activities', ['In-Meeting Activities', 'In Meeting Activities', 'Activities', '会議中のアクティビティ', '会議内のアクティビティ', '会議中の活動', 'アクティビティ']],
];
const sectionIndex = new Map(sectionTitles.flatMap(([section, titles]) => titles.map((t) => [normalizeHeader(t), section] as const)));

/** "2. Participants", "Host Details,", "3. 会議中のアクティビティ" → the section; null if unknown. */
export function sectionOf(title: string): Section | null {
  return sectionIndex.get(normalizeHeader(title.replace(/^\s*\d+\s*[.．、)]\s*/, ''))) ?? null;
}

/** Yes/No as the reports write it, in either language. */
export function readYesNo(text: string): boolean | null {
  const s = normalizeHeader(text);
  if (['yes', 'y', 'true', '1', 'はい', '出席', '済', '済み', 'あり'].includes(s)) return true;
  if (['no', 'n', 'false', '0', 'いいえ', '欠席', 'なし', '未出席'].includes(s)) return false;
  return null;
}

/** What a person was at the session; hosts, panelists and organisers run it and are not attendees. */
export const reportRoles = ['attendee', 'presenter', 'panelist', 'host', 'organiser'] as const;
export type ReportRole = (typeof reportRoles)[number];

/**
 * A Teams or Zoom role word. Teams makes every invitee a presenter by
 * default, so a presenter is counted as an attendee; co-organisers run the
 * meeting like its organiser.
 */
export function readRole(text: string): ReportRole | null {
  const s = normalizeHeader(text);
  if (!s) return null;
  if (['organizer', 'organiser', 'co-organizer', 'co-organiser', 'coorganizer', '開催者', '主催者', '共同開催者', '共同主催者', '開催者(共同)'].includes(s)) return 'organiser';
  if (['host', 'co-host', 'cohost', 'alternativehost', 'ホスト', '共同ホスト', '代替ホスト'].includes(s)) return 'host';
  if (['panelist', 'panelists', 'パネリスト'].includes(s)) return 'panelist';
  if (['presenter', '発表者', 'プレゼンター'].includes(s)) return 'presenter';
  if (['attendee', 'participant', 'guest', '出席者', '参加者', 'ゲスト'].includes(s)) return 'attendee';
  return null;
}

/** Whether a role counts as attending (a session's own people do not). */
export function countsAsAttendee(role: ReportRole): boolean {
  return role === 'attendee' || role === 'presenter';
}
