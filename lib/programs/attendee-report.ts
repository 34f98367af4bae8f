import type { Message } from '@/lib/actions/result';
import { decodeCsv, type CsvEncoding } from '@/lib/csv/decode';
import { parseCsv, type CsvRow } from '@/lib/csv/parse';
import { isTimeZone } from '@/lib/time-zones';
import { dayOrderHint, instantsIn, readDateTime, readDuration, type DayOrder } from './report-dates';
import {
  mapColumns,
  readRole,
  readYesNo,
  reportRoles,
  sectionOf,
  type PersonField,
  type ReportRole,
  type Section,
  type SummaryField,
} from './report-headers';

// The attendee report Zoom (webinar attendee report, meeting participants)
// or Microsoft Teams (meeting attendance report) exports, read as exported:
// title and summary sections before the table(s), one row per join, guests
// without an email, registrants who never came. The result is one entry
// per person, with every join as instants and the minutes they add up to.

export type ReportJoin = { join: Date; leave: Date | null };

export type ReportPerson = {
  name: string;
  /** Lowercased; empty for a guest who joined without one. */
  email: string;
  role: ReportRole;
  guest: boolean;
  /** False for a registrant who never joined. */
  attended: boolean;
  joins: ReportJoin[];
  /**
   * Whole minutes over every join: the sum of the report's own per-join
   * figures where it gives them (Zoom rounds each join up, as its own pages
   * show), else of leave minus join.
   */
  minutes: number;
  /** The report line where the person first appears. */
  line: number;
};

export type AttendeeReport = {
  tool: 'zoom' | 'teams';
  kind: 'webinar' | 'meeting';
  topic: string | null;
  start: Date | null;
  encoding: CsvEncoding;
  persons: ReportPerson[];
};

export type AttendeeReportResult = { ok: true; report: AttendeeReport } | { ok: false; error: Message };

const errorKey = (name: string, values?: Record<string, string | number>): { ok: false; error: Message } => ({
  ok: false,
  error: { key: `programs.attendanceErrors.${name}`, ...(values && { values }) },
});

/** Thrown inside the parser only, and always turned into an error result. */
class ReportError extends Error {
  constructor(readonly result: { ok: false; error: Message }) {
    super(result.error.key);
  }
}
const fail = (name: string, line: number, value?: string): never => {
  throw new ReportError(errorKey(name, { line, ...(value !== undefined && { value: value.length > 40 ? `${value.slice(0, 40)}…` : value }) }));
};

/** A file as uploaded: decoded (UTF-8 with or without BOM, UTF-16, Shift_JIS), then read. */
export function readAttendeeReport(bytes: Uint8Array, timeZone: string): AttendeeReportResult {
  const decoded = decodeCsv(bytes);
  if (!decoded) return errorKey('encoding');
  return parseAttendeeReport(decoded.text, timeZone, decoded.encoding);
}

/**
 * Tabs when most lines have one (Teams, and Excel's "Unicode text"), else
 * commas. The first line cannot decide: it is often a title.
 */
function reportDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 40).filter((l) => l.trim());
  return lines.filter((l) => l.includes('\t')).length * 2 >= lines.length && lines.length > 0 ? '\t' : ',';
}

type Table = { section: Section | null; columns: Partial<Record<PersonField, number>>; rows: CsvRow[] };
type Cell = { text: string; line: number };

/** Cuts the report into its person tables and its summary (topic, start, host). */
function sections(rows: CsvRow[]) {
  const tables: Table[] = [];
  const summary: Partial<Record<SummaryField, Cell>> = {};
  let section: Section | null = null;
  let table: Table | null = null;
  let summaryHeader: Partial<Record<SummaryField, number>> | null = null;
  for (const row of rows) {
    const cells = row.cells.map((c) => c.trim());
    const filled = cells.filter(Boolean);
    if (filled.length === 1 && cells[0]) {
      // A title on its own line ("Attendee Details", "2. Participants") ends whatever came before;
      // inside a table, a line with a name and nothing else is not a title, and says nothing.
      const title = sectionOf(cells[0]);
      if (table && !title) continue;
      section = title ?? 'other';
      table = null;
      summaryHeader = null;
      continue;
    }
    if (summaryHeader) {
      for (const [field, column] of Object.entries(summaryHeader) as [SummaryField, number][]) {
        if (cells[column]) summary[field] ??= { text: cells[column], line: row.line };
      }
      summaryHeader = null;
      continue;
    }
    if (table && cells.some((c) => /\d/.test(c))) {
      // Headers hold no digits; rows with a date or a minute count are data (and reading them as headers is the slow part).
      table.rows.push(row);
      continue;
    }
    const columns = mapColumns<PersonField>(cells, 'person');
    const named = columns.name !== undefined || columns.email !== undefined;
    if (named && (columns.join !== undefined || columns.leave !== undefined || columns.attended !== undefined)) {
      table = { section, columns, rows: [] };
      tables.push(table);
      continue;
    }
    const summaryColumns = mapColumns<SummaryField>(cells, 'summary');
    if (Object.keys(summaryColumns).length >= 2) {
      // Zoom's summary: a header row, its values on the next.
      summaryHeader = summaryColumns;
      table = null;
      continue;
    }
    if (table) {
      table.rows.push(row);
    } else {
      // Teams' summary: "Meeting title<TAB>…", "Start time<TAB>…".
      const key = Object.entries(summaryColumns).find(([, column]) => column === 0)?.[0] as SummaryField | undefined;
      if (key && key !== 'hostEmail' && cells[1]) summary[key] ??= { text: cells[1], line: row.line };
    }
  }
  return { tables, summary };
}

const emptyCell = (text: string | undefined) => !text || /^-+$/.test(text.trim());
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Teams marks people from outside the organiser's tenant after their name.
const nameMarkers = /\s*[(（](unverified|external|guest|ゲスト|外部|未確認)[)）]\s*$/i;

/** One file-wide reading of "05/11/2026": the first date that can only be read one way decides. */
function dayOrder(cells: Cell[]): DayOrder {
  let decided: DayOrder | null = null;
  for (const cell of cells) {
    const hint = dayOrderHint(cell.text);
    if (hint !== 'day-first' && hint !== 'month-first') continue;
    if (decided && hint !== decided) fail('mixedDateOrder', cell.line, cell.text);
    decided = hint;
  }
  // Neither reading ruled out anywhere: US order, the one both tools use by default.
  return decided ?? 'month-first';
}

/** Japanese names are written family name first: 阿部 大輔, but Grace Chen. */
function fullName(first: string, last: string): string {
  const japanese = /[\u3040-\u30ff\u3400-\u9fff]/.test(first + last);
  return (japanese ? [last, first] : [first, last]).filter(Boolean).join(' ');
}

type Draft = ReportPerson & { seconds: number; seen: Set<string>; roleRank: number };

export function parseAttendeeReport(text: string, timeZone: string, encoding: CsvEncoding = 'utf-8'): AttendeeReportResult {
  if (!isTimeZone(timeZone)) return errorKey('timeZone');
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return errorKey('empty');
  const parsed = parseCsv(body, { delimiter: reportDelimiter(body) });
  const [problem] = parsed.problems;
  if (problem) return errorKey(problem.code, { line: problem.line });
  try {
    return { ok: true, report: read([{ line: 1, cells: parsed.headers }, ...parsed.rows], timeZone, encoding) };
  } catch (e) {
    if (e instanceof ReportError) return e.result;
    throw e;
  }
}

function read(rows: CsvRow[], timeZone: string, encoding: CsvEncoding): AttendeeReport {
  const { tables, summary } = sections(rows);
  // A table with no rows is a session nobody came to, not a broken file.
  if (tables.length === 0) fail('notAReport', 1);
  const withRows = tables.filter((t) => t.rows.length > 0);

  const teams = tables.some((t) => t.section === 'participants' || t.section === 'activities' || t.columns.role !== undefined);
  const webinar = !teams && tables.some((t) => ['host', 'panelist', 'attendee', 'registrants'].includes(t.section ?? '') || t.columns.attended !== undefined);
  // Teams repeats each person in "Participants" (first join, last leave) and,
  // per join, in "In-Meeting Activities": joins come from the latter when it is there.
  const hasActivities = withRows.some((t) => t.section === 'activities');

  const dateCells: Cell[] = [];
  for (const t of withRows) {
    for (const r of t.rows) {
      for (const column of [t.columns.join, t.columns.leave]) {
        const text = column === undefined ? undefined : r.cells[column]?.trim();
        if (!emptyCell(text)) dateCells.push({ text: text!, line: r.line });
      }
    }
  }
  if (summary.start) dateCells.push(summary.start);
  const order = dayOrder(dateCells);
  const toInstant = instantsIn(timeZone);
  const instant = (cell: Cell) => {
    const value = readDateTime(cell.text, order);
    return value ? toInstant(value) : fail('badDate', cell.line, cell.text);
  };

  const hostEmail = summary.hostEmail?.text.toLowerCase();
  const persons = new Map<string, Draft>();
  for (const t of withRows) {
    const sectionRole: ReportRole | null = t.section === 'host' ? 'host' : t.section === 'panelist' ? 'panelist' : null;
    const joinsHere = !(teams && hasActivities && t.section !== 'activities');
    for (const row of t.rows) {
      const cell = (field: PersonField) => {
        const column = t.columns[field];
        const value = column === undefined ? '' : (row.cells[column] ?? '').trim();
        return emptyCell(value) ? '' : value;
      };
      const rawName = cell('name') || fullName(cell('firstName'), cell('lastName'));
      const marker = nameMarkers.exec(rawName)?.[1]?.toLowerCase();
      const name = rawName.replace(nameMarkers, '');
      const rawEmail = cell('email').toLowerCase();
      const email = emailPattern.test(rawEmail) ? rawEmail : '';
      if (!name && !email) continue;

      const role: ReportRole = email !== '' && email === hostEmail ? 'host' : (readRole(cell('role')) ?? sectionRole ?? 'attendee');
      const joinText = cell('join');
      const leaveText = cell('leave');
      const durationText = cell('duration');
      const join = joinText ? instant({ text: joinText, line: row.line }) : null;
      const leave = leaveText ? instant({ text: leaveText, line: row.line }) : null;
      if (join && leave && leave < join) fail('leaveBeforeJoin', row.line);
      const duration = durationText ? (readDuration(durationText, 'minutes') ?? fail('badDuration', row.line, durationText)) : null;
      const attended = readYesNo(cell('attended')) ?? (join !== null || t.columns.attended === undefined);

      const key = email || `name:${name.normalize('NFKC').toLowerCase()}`;
      let person = persons.get(key);
      if (!person) {
        person = { name, email, role, guest: false, attended: false, joins: [], minutes: 0, line: row.line, seconds: 0, seen: new Set(), roleRank: -1 };
        persons.set(key, person);
      }
      const rank = reportRoles.indexOf(role);
      if (rank > person.roleRank) [person.role, person.roleRank] = [role, rank];
      person.guest ||= readYesNo(cell('guest')) === true || marker === 'unverified' || marker === 'guest' || marker === 'ゲスト' || marker === '未確認' || !email;
      person.attended ||= attended;
      if (!person.name && name) person.name = name;

      if (joinsHere && join) {
        // The same join listed twice (a re-export, an edited file) counts once.
        const id = `${join.getTime()}-${leave?.getTime() ?? ''}`;
        if (!person.seen.has(id)) {
          person.seen.add(id);
          person.joins.push({ join, leave });
          person.seconds += duration ?? (leave ? (leave.getTime() - join.getTime()) / 1000 : 0);
        }
      }
    }
  }
  const start = summary.start ? readDateTime(summary.start.text, order) : null;
  return {
    tool: teams ? 'teams' : 'zoom',
    kind: webinar ? 'webinar' : 'meeting',
    topic: summary.topic?.text ?? null,
    start: start ? toInstant(start) : null,
    encoding,
    persons: [...persons.values()].map((p) => ({
      name: p.name,
      email: p.email,
      role: p.role,
      guest: p.guest,
      attended: p.attended,
      joins: p.joins.sort((a, b) => a.join.getTime() - b.join.getTime()),
      minutes: Math.round(p.seconds / 60),
      line: p.line,
    })),
  };
}
