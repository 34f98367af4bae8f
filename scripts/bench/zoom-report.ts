// A Zoom webinar attendee report as Zoom exports it (English locale, UTF-8
// with a byte-order mark; see samples/zoom-webinar-attendee-report.csv):
// the report's title and summary, host and panelist sections, then one
// attendee row per join, registrants who never joined ("Attended: No") and
// guests without an email. Times are written in Tokyo time, without an offset.

export type ReportAttendee = {
  name: string;
  /** Empty for a guest who joined without one. */
  email: string;
  /** Each join: minutes after the session's start, and how long it lasted. 0 joins: registered, never came. */
  joins: { at: number; minutes: number }[];
  guest: boolean;
};

export type ZoomReport = {
  topic: string;
  /** The session's start. */
  start: Date;
  host: { name: string; email: string };
  panelist: { name: string; email: string };
  attendees: ReportAttendee[];
  /** When Zoom made the file: a later export of the same webinar differs only here. */
  generatedAt: Date;
};

const tokyoOffsetMs = 9 * 3_600_000; // Asia/Tokyo has no daylight saving time
const pad = (n: number) => String(n).padStart(2, '0');

/** "11/05/2026 09:58:02 AM", Tokyo time: Zoom's English format. */
export function zoomTime(at: Date): string {
  const t = new Date(at.getTime() + tokyoOffsetMs);
  const h = t.getUTCHours();
  return `${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/${t.getUTCFullYear()} ${pad(((h + 11) % 12) + 1)}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

const quoted = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const line = (cells: (string | number)[]) => cells.map((c) => quoted(String(c))).join(',');

/** "阿部 大輔" → first 大輔, last 阿部; "Grace Chen" → Grace, Chen. */
function nameParts(name: string): [string, string] {
  const [a = '', b = ''] = name.split(' ');
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(name) ? [b, a] : [a, b];
}

export function zoomWebinarReport(r: ZoomReport): Uint8Array<ArrayBuffer> {
  const minute = 60_000;
  const at = (m: number) => zoomTime(new Date(r.start.getTime() + m * minute));
  const came = r.attendees.filter((a) => a.joins.length > 0);
  const rows: string[] = [
    'Attendee Report,',
    line(['Report Generated:', zoomTime(r.generatedAt)]),
    'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views',
    line([r.topic, '845 2210 7316', at(-2), 64, r.attendees.filter((a) => a.email).length, 0, came.length, came.length + 2, Math.round(came.length * 0.8)]),
    'Host Details,',
    'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
    line(['Yes', r.host.name, r.host.email, at(-10), at(63), 73, 'No', 'Japan']),
    'Panelist Details,',
    'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
    line(['Yes', r.panelist.name, r.panelist.email, at(-8), at(63), 71, 'No', 'Japan']),
    'Attendee Details,',
    'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name,Source Name',
  ];
  for (const [i, a] of r.attendees.entries()) {
    const [first, last] = a.email ? nameParts(a.name) : ['--', '--'];
    // Registered between two weeks and an hour before the start; guests without an email did not register.
    const registered = a.email ? zoomTime(new Date(r.start.getTime() - (60 + ((i * 7919) % (14 * 24 * 60))) * minute)) : '--';
    const common = [a.name, first, last, a.email || '--', '--', registered, a.email ? 'approved' : '--'];
    if (a.joins.length === 0) rows.push(line(['No', ...common, '--', '--', '--', 'No', '--', '--']));
    for (const j of a.joins) {
      rows.push(line(['Yes', ...common, at(j.at), at(j.at + j.minutes), j.minutes, a.guest ? 'Yes' : 'No', 'Japan', '--']));
    }
  }
  return new TextEncoder().encode(`\uFEFF${rows.join('\r\n')}\r\n`) as Uint8Array<ArrayBuffer>;
}
