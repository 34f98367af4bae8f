import { readFileSync } from 'node:fs';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.programs.json';
import ja from '@/lib/i18n/messages/ja.programs.json';
import { parseAttendeeReport, readAttendeeReport, type AttendeeReport, type AttendeeReportResult } from './attendee-report';
import { countsAsAttendee } from './report-headers';

const file = (path: string) => new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const tokyo = 'Asia/Tokyo';

function report(result: AttendeeReportResult): AttendeeReport {
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.error)}`);
  return result.report;
}
const person = (r: AttendeeReport, name: string) => {
  const p = r.persons.find((x) => x.name === name);
  if (!p) throw new Error(`${name} is not in the report`);
  return p;
};
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('the Zoom webinar attendee report in samples/', () => {
  const r = report(readAttendeeReport(file('samples/zoom-webinar-attendee-report.csv'), tokyo));

  it('is read as a Zoom webinar, with its topic and start in the session time zone', () => {
    expect(r).toMatchObject({ tool: 'zoom', kind: 'webinar', topic: 'Touchplan 活用ウェビナー：ダッシュボード入門', encoding: 'utf-8' });
    // 09:58:02 in Tokyo.
    expect(iso(r.start)).toBe('2026-11-05T00:58:02.000Z');
  });

  it('lists the host and the panelist from their sections, neither as an attendee', () => {
    expect(person(r, '鈴木 健一')).toMatchObject({ email: 'manager@touchplan.example', role: 'host' });
    expect(person(r, '田中 美咲')).toMatchObject({ email: 'misaki.tanaka@touchplan.example', role: 'panelist' });
    expect(r.persons.filter((p) => !countsAsAttendee(p.role)).map((p) => p.name)).toEqual(['鈴木 健一', '田中 美咲']);
  });

  it('makes one person of a rejoining attendee, with both joins and the minutes summed', () => {
    const naoki = person(r, '松本 直樹');
    expect(naoki.joins.map((j) => [iso(j.join), iso(j.leave)])).toEqual([
      ['2026-11-05T00:59:47.000Z', '2026-11-05T01:31:15.000Z'],
      ['2026-11-05T01:38:02.000Z', '2026-11-05T02:01:55.000Z'],
    ]);
    expect(naoki).toMatchObject({ attended: true, minutes: 32 + 24, line: 13, role: 'attendee' });
    expect(r.persons.filter((p) => p.name === '松本 直樹')).toHaveLength(1);
  });

  it('keeps a guest who joined without an email, and lowercases the emails it has', () => {
    expect(person(r, '佐藤（営業企画部）')).toMatchObject({ email: '', guest: true, attended: true, minutes: 38 });
    expect(person(r, '阿部 大輔').email).toBe('daisuke.abe@tsubame-ai.com');
  });

  it('marks registrants who never joined as not attended, with no joins', () => {
    expect(person(r, '前田 拓也')).toMatchObject({ email: 'takuya.maeda@narumi-kasei.co.jp', attended: false, joins: [], minutes: 0 });
    expect(r.persons.filter((p) => !p.attended).map((p) => p.name)).toEqual(['前田 拓也', 'Lucas Moreau']);
  });

  it('reads the same report whatever its encoding: UTF-8 without a mark, UTF-16LE', () => {
    const bytes = file('samples/zoom-webinar-attendee-report.csv');
    const text = new TextDecoder().decode(bytes);
    const plain = report(readAttendeeReport(new TextEncoder().encode(text), tokyo));
    const wide = report(readAttendeeReport(utf16le(text), tokyo));
    expect(plain.persons).toEqual(r.persons);
    expect(wide).toEqual({ ...r, encoding: 'utf-16le' });
  });
});

describe('the Teams attendance report in samples/ (UTF-16LE, tab-separated)', () => {
  const r = report(readAttendeeReport(file('samples/teams-attendance-report.csv'), tokyo));

  it('is read as Teams, with the summary title and start', () => {
    expect(r).toMatchObject({ tool: 'teams', kind: 'meeting', topic: '勉強会：レポート作成のコツ', encoding: 'utf-16le' });
    expect(iso(r.start)).toBe('2026-11-12T05:52:10.000Z');
  });

  it('takes the organiser and co-organiser as organisers, a presenter as attending', () => {
    expect(person(r, '高橋 翔').role).toBe('organiser');
    expect(person(r, '伊藤 彩').role).toBe('organiser');
    expect(person(r, '佐々木 奈々').role).toBe('presenter');
    expect(r.persons.filter((p) => countsAsAttendee(p.role))).toHaveLength(6);
  });

  it('sums a rejoin from the In-Meeting Activities rows, not the Participants summary', () => {
    const nana = person(r, '佐々木 奈々');
    expect(nana.joins).toHaveLength(2);
    // 25m 9s + 33m 27s = 58m 36s.
    expect(nana.minutes).toBe(59);
    expect(iso(nana.joins[1]!.join)).toBe('2026-11-12T06:31:23.000Z');
    expect(person(r, '清水 大輔')).toMatchObject({ email: 'daisuke.shimizu@sorarobotics.com', minutes: 59 });
  });

  it('takes an unverified guest without an email, without the marker in the name', () => {
    expect(person(r, 'Sophie Martin')).toMatchObject({ email: '', guest: true, attended: true, minutes: 42 });
  });
});

describe('Zoom meeting participants', () => {
  const english = [
    'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,',
    '845 2210 7316,Office hours,11/19/2026 02:00:05 PM,11/19/2026 03:02:44 PM,sho.takahashi@touchplan.example,63,3,',
    '',
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room',
    'Sho Takahashi,sho.takahashi@touchplan.example,11/19/2026 02:00:05 PM,11/19/2026 03:02:44 PM,63,No,,No',
    'Grace Chen,grace.chen@mino-shoten.jp,11/19/2026 02:01:12 PM,11/19/2026 02:30:40 PM,30,Yes,Yes,No',
    'Grace Chen,grace.chen@mino-shoten.jp,11/19/2026 02:35:02 PM,11/19/2026 03:01:59 PM,27,Yes,Yes,No',
    'iPad,,11/19/2026 02:10:30 PM,11/19/2026 02:52:00 PM,42,Yes,Yes,No',
  ].join('\n');

  it('reads the meeting summary, and takes its User Email as the host', () => {
    const r = report(parseAttendeeReport(english, tokyo));
    expect(r).toMatchObject({ tool: 'zoom', kind: 'meeting', topic: 'Office hours' });
    expect(iso(r.start)).toBe('2026-11-19T05:00:05.000Z');
    expect(person(r, 'Sho Takahashi').role).toBe('host');
    expect(person(r, 'Grace Chen')).toMatchObject({ role: 'attendee', minutes: 57, guest: true });
    expect(person(r, 'iPad')).toMatchObject({ email: '', guest: true, minutes: 42 });
  });

  it('reads the Japanese export as Japanese Excel saves it (Shift_JIS), with Japanese dates', () => {
    const r = report(readAttendeeReport(file('tests/fixtures/zoom-meeting-participants-ja-shift_jis.csv'), tokyo));
    expect(r).toMatchObject({ tool: 'zoom', kind: 'meeting', topic: '定例勉強会（管理者向け）', encoding: 'shift_jis' });
    expect(iso(r.start)).toBe('2026-11-19T05:00:05.000Z');
    expect(person(r, '高橋 翔')).toMatchObject({ role: 'host', guest: false });
    expect(person(r, '石川 翼')).toMatchObject({ email: 'tsubasa.ishikawa@uji-unyu.co.jp', minutes: 57, guest: true });
    expect(person(r, '石川 翼').joins.map((j) => iso(j.join))).toEqual(['2026-11-19T05:01:12.000Z', '2026-11-19T05:35:02.000Z']);
    // 髙 and ① are Windows-31J characters Excel writes.
    expect(person(r, '髙木 ①')).toMatchObject({ email: '', minutes: 42 });
  });
});

describe('Japanese Zoom webinar reports', () => {
  const text = [
    '出席者レポート,',
    'レポート生成日時:,2026/11/05 11:20:41',
    'トピック,ウェビナーID,実際の開始時刻,実際の時間（分）,登録者数',
    '管理者向け勉強会,845 2210 7316,2026/11/05 9:58:02,64,3',
    'ホストの詳細,',
    '出席,ユーザー名（元の名前）,メール,参加時間,退出時間,セッション時間（分）,ゲストである,国/地域名',
    'はい,鈴木 健一,manager@touchplan.example,2026/11/05 9:50:11,2026/11/05 11:02:40,73,いいえ,日本',
    'パネリストの詳細,',
    '出席,ユーザー名（元の名前）,メール,参加時間,退出時間,セッション時間（分）,ゲストである,国/地域名',
    'はい,田中 美咲,misaki.tanaka@touchplan.example,2026/11/05 9:52:30,2026/11/05 11:02:38,71,いいえ,日本',
    '出席者の詳細,',
    '出席,ユーザー名（元の名前）,名,姓,メール,電話,登録時間,承認ステータス,参加時間,退出時間,セッション時間（分）,ゲストである,国/地域名',
    'はい,松本 直樹,直樹,松本,naoki.matsumoto@chitose-fudosan.co.jp,--,2026/10/29 16:12:09,承認済み,2026/11/05 9:59:47,2026/11/05 10:31:15,32,はい,日本',
    'はい,松本 直樹,直樹,松本,naoki.matsumoto@chitose-fudosan.co.jp,--,2026/10/29 16:12:09,承認済み,2026/11/05 10:38:02,2026/11/05 11:01:55,24,はい,日本',
    'いいえ,前田 拓也,拓也,前田,takuya.maeda@narumi-kasei.co.jp,--,2026/11/04 20:15:31,承認済み,--,--,--,いいえ,--',
  ].join('\r\n');

  it('reads Japanese sections, full-width brackets in headers and はい / いいえ', () => {
    const r = report(parseAttendeeReport(text, tokyo));
    expect(r).toMatchObject({ tool: 'zoom', kind: 'webinar', topic: '管理者向け勉強会' });
    expect(iso(r.start)).toBe('2026-11-05T00:58:02.000Z');
    expect(r.persons.map((p) => [p.name, p.role, p.attended, p.minutes, p.joins.length])).toEqual([
      ['鈴木 健一', 'host', true, 73, 1],
      ['田中 美咲', 'panelist', true, 71, 1],
      ['松本 直樹', 'attendee', true, 56, 2],
      ['前田 拓也', 'attendee', false, 0, 0],
    ]);
  });
});

describe('Japanese Teams reports', () => {
  const text = [
    '1. 概要',
    '会議のタイトル\t新機能説明会',
    '出席した参加者\t3',
    '開始時刻\t2026/11/12 15:00:05',
    '終了時刻\t2026/11/12 16:02:10',
    '会議の長さ\t1 時間 2 分 5 秒',
    '',
    '2. 参加者',
    '名前\t初回参加\t最終退出\t会議中の時間\tメール\t参加者 ID (UPN)\t役割',
    '伊藤 彩\t2026/11/12 15:00:05\t2026/11/12 16:02:10\t1 時間 2 分 5 秒\taya.ito@touchplan.example\taya.ito@touchplan.example\t開催者',
    '清水 健太\t2026/11/12 15:01:00\t2026/11/12 16:00:00\t50 分 30 秒\tkenta.shimizu@shirasagi-foods.co.jp\tkenta.shimizu@shirasagi-foods.co.jp\t出席者',
    '',
    '3. 会議中のアクティビティ',
    '名前\t参加時刻\t退出時刻\t期間\tメール\t役割',
    '伊藤 彩\t2026/11/12 15:00:05\t2026/11/12 16:02:10\t1 時間 2 分 5 秒\taya.ito@touchplan.example\t開催者',
    '清水 健太\t2026/11/12 15:01:00\t2026/11/12 15:20:00\t19 分\tkenta.shimizu@shirasagi-foods.co.jp\t出席者',
    '清水 健太\t2026/11/12 15:28:30\t2026/11/12 16:00:00\t31 分 30 秒\tkenta.shimizu@shirasagi-foods.co.jp\t出席者',
  ].join('\r\n');

  it('reads Japanese section titles, headers, roles, dates and durations', () => {
    const r = report(readAttendeeReport(utf16le(text), tokyo));
    expect(r).toMatchObject({ tool: 'teams', topic: '新機能説明会' });
    expect(iso(r.start)).toBe('2026-11-12T06:00:05.000Z');
    expect(person(r, '伊藤 彩').role).toBe('organiser');
    const kenta = person(r, '清水 健太');
    expect(kenta).toMatchObject({ role: 'attendee', minutes: 51, email: 'kenta.shimizu@shirasagi-foods.co.jp' });
    expect(kenta.joins.map((j) => iso(j.leave))).toEqual(['2026-11-12T06:20:00.000Z', '2026-11-12T07:00:00.000Z']);
  });

  it('without the activities section, takes one join per person from Participants', () => {
    const r = report(parseAttendeeReport(text.split('\r\n\r\n3.')[0]!, tokyo));
    const kenta = person(r, '清水 健太');
    expect(kenta.joins).toHaveLength(1);
    expect(kenta.minutes).toBe(51);
    expect(iso(kenta.joins[0]!.join)).toBe('2026-11-12T06:01:00.000Z');
  });
});

describe('other layouts', () => {
  it('reads a Teams report saved with commas instead of tabs', () => {
    const text = [
      '1. Summary',
      'Meeting title,Office hours',
      'Start time,"11/12/26, 3:00:00 PM"',
      '',
      '2. Participants',
      'Name,First Join,Last Leave,In-Meeting Duration,Email,Participant ID (UPN),Role',
      '"Chen, Grace","11/12/26, 3:01:00 PM","11/12/26, 3:31:00 PM",30m 0s,grace.chen@mino-shoten.jp,grace.chen@mino-shoten.jp,Attendee',
    ].join('\r\n');
    const r = report(parseAttendeeReport(text, tokyo));
    expect(r).toMatchObject({ tool: 'teams', topic: 'Office hours' });
    expect(iso(r.start)).toBe('2026-11-12T06:00:00.000Z');
    expect(person(r, 'Chen, Grace')).toMatchObject({ email: 'grace.chen@mino-shoten.jp', minutes: 30 });
  });

  it('reads an older Zoom webinar report: first and last names only, month-name dates', () => {
    const text = [
      'Attendee Details,',
      'Attended,First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Country/Region Name',
      'Yes,大輔,阿部,daisuke.abe@tsubame-ai.com,"Nov 4, 2026 18:47:13",approved,"Nov 5, 2026 10:02:13","Nov 5, 2026 10:49:30",48,Japan',
      'Yes,Grace,Chen,grace.chen@mino-shoten.jp,"Nov 4, 2026 18:47:13",approved,"Nov 5, 2026 10:05:00","Nov 5, 2026 10:15:00",10,Japan',
    ].join('\n');
    const r = report(parseAttendeeReport(text, tokyo));
    expect(r.kind).toBe('webinar');
    expect(r.persons.map((p) => [p.name, p.minutes])).toEqual([
      ['阿部 大輔', 48],
      ['Grace Chen', 10],
    ]);
  });
});

describe('dates', () => {
  const zoomRow = (join: string, leave: string) =>
    ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)', `A,a@example.jp,${join},${leave},`].join('\n');
  const joinOf = (text: string, zone = tokyo) => report(parseAttendeeReport(text, zone)).persons[0]!.joins[0]!;

  it.each([
    ['11/05/2026 10:02:13 AM', '2026-11-05T01:02:13.000Z'],
    ['11/05/2026 12:30:00 AM', '2026-11-04T15:30:00.000Z'],
    ['"11/5/26, 10:02:13 PM"', '2026-11-05T13:02:13.000Z'],
    ['2026/11/05 10:02:13', '2026-11-05T01:02:13.000Z'],
    ['2026/11/5 10:02', '2026-11-05T01:02:00.000Z'],
    ['2026-11-05 10:02:13', '2026-11-05T01:02:13.000Z'],
    ['2026年11月5日 10:02:13', '2026-11-05T01:02:13.000Z'],
    ['2026/11/05 午後 3:04:05', '2026-11-05T06:04:05.000Z'],
    ['"Nov 5, 2026 10:02:13"', '2026-11-05T01:02:13.000Z'],
    ['2026-11-05T10:02:13+09:00', '2026-11-05T01:02:13.000Z'],
    ['2026-11-05T01:02:13Z', '2026-11-05T01:02:13.000Z'],
  ])('reads %s', (text, instant) => {
    expect(iso(joinOf(zoomRow(text, '')).join)).toBe(instant);
  });

  it('reads times without an offset in the given zone, summer time included', () => {
    expect(iso(joinOf(zoomRow('07/01/2026 10:00:00 AM', ''), 'America/New_York').join)).toBe('2026-07-01T14:00:00.000Z');
    expect(iso(joinOf(zoomRow('12/01/2026 10:00:00 AM', ''), 'America/New_York').join)).toBe('2026-12-01T15:00:00.000Z');
  });

  it('reads 05/11 as 5 November when another date of the file can only be day-first', () => {
    const j = joinOf(zoomRow('05/11/2026 10:00:00', '13/11/2026 09:00:00'));
    expect(iso(j.join)).toBe('2026-11-05T01:00:00.000Z');
    expect(iso(j.leave)).toBe('2026-11-13T00:00:00.000Z');
  });

  it('reads 05/11 as May 11 when nothing says otherwise (both tools default to US order)', () => {
    expect(iso(joinOf(zoomRow('05/11/2026 10:00:00 AM', '')).join)).toBe('2026-05-11T01:00:00.000Z');
  });

  it('refuses a file whose dates are day-first in one place and month-first in another, naming the line', () => {
    const text = [zoomRow('13/11/2026 10:00:00', ''), 'B,b@example.jp,11/13/2026 10:00:00 AM,,'].join('\n');
    expect(parseAttendeeReport(text, tokyo)).toEqual({
      ok: false,
      error: { key: 'programs.attendanceErrors.mixedDateOrder', values: { line: 3, value: '11/13/2026 10:00:00 AM' } },
    });
  });
});

describe('bad input gives a catalog key with the line, never an exception', () => {
  const header = 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)';
  const error = (result: AttendeeReportResult) => (result.ok ? null : result.error);

  it.each([
    ['a date that is not one', `${header}\nA,a@example.jp,2026/02/30 10:00:00,,`, 'badDate', { line: 2, value: '2026/02/30 10:00:00' }],
    ['a time that is not one', `${header}\nA,a@example.jp,11/05/2026 13:00:00 PM,,`, 'badDate', { line: 2, value: '11/05/2026 13:00:00 PM' }],
    ['a duration that is not one', `${header}\nA,a@example.jp,2026/11/05 10:00:00,,about an hour`, 'badDuration', { line: 2, value: 'about an hour' }],
    ['leaving before joining', `${header}\nA,a@example.jp,2026/11/05 10:00:00,2026/11/05 09:00:00,`, 'leaveBeforeJoin', { line: 2 }],
    ['a quote that never closes', `${header}\nA,a@example.jp,2026/11/05 10:00:00,,\n"B,b@example.jp,2026/11/05 10:00:00,,`, 'unclosedQuote', { line: 3 }],
    ['an accounts CSV', 'name,domain\nAcme,acme.jp', 'notAReport', { line: 1 }],
  ])('%s', (_, text, key, values) => {
    expect(error(parseAttendeeReport(text, tokyo))).toEqual({ key: `programs.attendanceErrors.${key}`, values });
  });

  it('refuses an empty file, a file in no known encoding and an unknown time zone', () => {
    expect(error(readAttendeeReport(new Uint8Array(), tokyo))?.key).toBe('programs.attendanceErrors.empty');
    expect(error(readAttendeeReport(new Uint8Array([0x41, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]), tokyo))?.key).toBe('programs.attendanceErrors.encoding');
    expect(error(parseAttendeeReport(`${header}\nA,a@example.jp,,,`, 'Mars/Olympus'))?.key).toBe('programs.attendanceErrors.timeZone');
  });

  it('passes over a row with only a name inside a table, and reads on', () => {
    const r = report(parseAttendeeReport(`${header}\nA,a@example.jp,2026/11/05 10:00:00,,\nStray\nB,b@example.jp,2026/11/05 10:05:00,,`, tokyo));
    expect(r.persons.map((p) => p.name)).toEqual(['A', 'B']);
  });

  it('reads a header with nobody under it as a session nobody attended', () => {
    expect(report(parseAttendeeReport(header, tokyo)).persons).toEqual([]);
  });

  it('survives whatever bytes it is given', () => {
    const samples = [file('samples/zoom-webinar-attendee-report.csv'), file('samples/teams-attendance-report.csv')];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 100; i++) {
      const bytes = new Uint8Array(samples[i % 2]!);
      for (let k = 0; k < 5; k++) bytes[next() % bytes.length] = next() % 256;
      const cut = bytes.subarray(0, next() % bytes.length);
      expect(() => readAttendeeReport(cut, tokyo)).not.toThrow();
    }
  });
});

describe('error messages', () => {
  it.each([
    ['en', en],
    ['ja', ja],
  ] as const)('exist and format in %s', (locale, messages) => {
    const t = createTranslator({ locale, messages: { programs: messages }, namespace: 'programs', onError: (e) => { throw e; } });
    for (const key of Object.keys(messages.attendanceErrors)) {
      expect(t(`attendanceErrors.${key}` as never, { line: 12, value: '2026/02/30' } as never)).not.toMatch(/[{}]/);
    }
  });
});
