import { prng } from './seed-accounts';

// The demo's year of one-to-many and community programs: 12 four-weekly
// webinars, 4 quarterly study sessions (勉強会) and one user-group meetup,
// each with one session; the last webinar and study session are still
// ahead. Invitees answer as they do in Asia-Pacific: about 40 % register,
// most in the final week, and 30–45 % of registrants attend. Pure and
// deterministic; the seed runs it through the real queries.

export type DemoProgramKind = 'webinar' | 'study_session' | 'user_group';

export type DemoProgram = {
  kind: DemoProgramKind;
  title: string;
  description: string;
  tiers: number[];
  /** Days from today to the session (negative: held already), at `time` in the workspace's zone. */
  daysFromToday: number;
  time: string;
  durationMinutes: number;
  onlineUrl: string | null;
  venue: string | null;
  capacity: number | null;
  preparationHours: string;
  /** Which demo user hosts: 0 = the manager, 1.. = the CSMs in order. */
  host: number;
};

const webinarTopics = [
  'ダッシュボード入門',
  'ワークフロー自動化の基本',
  'レポート機能 活用術',
  '権限設計のベストプラクティス',
  'CSV 取り込みと外部連携',
  'モバイルアプリで承認を速く',
  '年度末の運用チェック',
  '新機能紹介 2026 春',
  '管理者のための監査ログ',
  '活用度を上げる社内展開のコツ',
  'API 連携 入門',
  '新機能紹介 2026 秋',
];
const studyTopics = ['初級者向け：最初の 30 日', '中級者向け：自動化の設計', '管理者向け：権限とセキュリティ', '上級者向け：データ活用'];

export function generateDemoPrograms(): DemoProgram[] {
  const webinars = webinarTopics.map(
    (topic, i): DemoProgram => ({
      kind: 'webinar',
      title: `Touchplan 活用ウェビナー：${topic}`,
      description: '毎月開催のオンラインセミナー（60 分、質疑応答あり）。',
      tiers: [2],
      // Every four weeks, so each Tier 2 account is invited within a month of the last invitation; the last one ahead.
      daysFromToday: -300 + i * 28,
      time: '15:00',
      durationMinutes: 60,
      onlineUrl: `https://zoom.example/w/84522${String(i).padStart(2, '0')}`,
      venue: null,
      capacity: null,
      preparationHours: '4',
      host: i % 2 === 0 ? 0 : 1 + (i % 3),
    }),
  );
  const studies = studyTopics.map(
    (topic, i): DemoProgram => ({
      kind: 'study_session',
      title: `勉強会：${topic}`,
      description: '少人数のハンズオン形式。対象のレベルに合わせて内容を絞っています。',
      tiers: [2, 3],
      daysFromToday: -270 + i * 90 + (i === 3 ? 15 : 0),
      time: '16:00',
      durationMinutes: 90,
      onlineUrl: `https://teams.example/l/study-${i + 1}`,
      venue: null,
      capacity: 40,
      preparationHours: '6',
      host: 1 + (i % 3),
    }),
  );
  const meetup: DemoProgram = {
    kind: 'user_group',
    title: 'Touchplan ユーザー会 2026 秋（東京）',
    description: 'お客様同士の事例共有とパネルディスカッション、懇親会。',
    tiers: [],
    daysFromToday: -45,
    time: '18:30',
    durationMinutes: 150,
    onlineUrl: null,
    venue: '東京・丸の内 カンファレンスルーム 3F',
    capacity: 80,
    preparationHours: '12',
    host: 0,
  };
  return [...webinars, ...studies, meetup];
}

export type DemoAnswers = {
  /** Registrations by day (registered in that order), each at noon of the day. */
  registered: { at: Date; ids: number[] }[];
  /** Past sessions only: who came, grouped by minutes in the session. */
  attended: { minutes: number; ids: number[] }[];
  noShow: number[];
};

const day = 86_400_000;

/**
 * How a session's invitees answer: about 40 % register (within seats), most
 * in the last week before it and none after `now`; once it is over, 30–45 %
 * of registrants came (for most of its length) and the rest are no-shows.
 */
export function demoAnswers(invitationIds: number[], session: { startsAt: Date; durationMinutes: number; capacity: number | null }, now: Date, seed: number): DemoAnswers {
  const rand = prng(seed);
  const registrations: { id: number; at: number }[] = [];
  for (const id of invitationIds) {
    if (rand() >= 0.4) continue;
    const daysBefore = rand() < 0.7 ? rand() * 7 : 7 + rand() * 21;
    const at = session.startsAt.getTime() - daysBefore * day;
    if (at < now.getTime()) registrations.push({ id, at });
  }
  registrations.sort((a, b) => a.at - b.at);
  const seated = session.capacity === null ? registrations : registrations.slice(0, session.capacity);
  const byDay = new Map<number, number[]>();
  for (const r of seated) {
    const key = Math.floor(r.at / day) * day + day / 2;
    byDay.set(key, [...(byDay.get(key) ?? []), r.id]);
  }
  const registered = [...byDay].map(([at, ids]) => ({ at: new Date(Math.min(at, now.getTime())), ids }));
  if (session.startsAt.getTime() + session.durationMinutes * 60_000 > now.getTime()) return { registered, attended: [], noShow: [] };
  const rate = 0.3 + rand() * 0.15;
  const came = new Set(seated.filter(() => rand() < rate).map((r) => r.id));
  const buckets = new Map<number, number[]>();
  for (const id of came) {
    const minutes = Math.round((session.durationMinutes * (0.5 + 0.5 * rand())) / 5) * 5;
    buckets.set(minutes, [...(buckets.get(minutes) ?? []), id]);
  }
  return { registered, attended: [...buckets].map(([minutes, ids]) => ({ minutes, ids })), noShow: seated.filter((r) => !came.has(r.id)).map((r) => r.id) };
}
