import { addDays, addMonths, weekday, type LocalDate } from '@/lib/scheduling/local-date';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import type { NewActivity } from './queries/activities';
import { prng } from './seed-accounts';

// A year of high-touch work for the demo's Tier 1 accounts: monthly meetings,
// quarterly QBRs and a yearly visit in the past with outcomes, the next ones
// planned, a few missed or cancelled, and a few left overdue. Some future
// QBRs and visits are deliberately not booked, so "Plan from playbook" has
// something to propose.

/** `people` and `sponsor`: the account's own contacts, when the demo has them. */
export type DemoTier1Account = { id: number; ownerId: number; people?: { name: string; role: string }[]; sponsor?: string };
type TypeIds = { regular_meeting: number; qbr: number; onsite_visit: number };
type Options = { accounts: DemoTier1Account[]; typeIds: TypeIds; today: LocalDate; timeZone: string; seed?: number };

const slots = ['10:00', '11:00', '13:30', '15:00', '16:30'];

const meetingOutcomes = [
  '利用状況を確認。ダッシュボード機能の活用が進んでいる。',
  '新任の担当者へ操作説明を実施。次回までに運用ルールを整理してもらう。',
  'API 連携の要望あり。プロダクトチームへ共有済み。',
  '月次レポートの見方を説明。経営会議での利用を検討中とのこと。',
  'サポート問い合わせ 2 件の進捗を共有。いずれも解決済み。',
  '利用部門の拡大について相談。来期予算で検討。',
];
const qbrOutcomes = [
  'KPI 達成状況をレビュー。解約リスクは低い。次期の目標を合意。',
  '導入効果（工数 30% 削減）を役員へ報告。追加ライセンスの検討を開始。',
  '活用度が計画を下回る。オンボーディングの再実施を提案し合意。',
  '更新条件について事前協議。価格改定の説明を実施。',
];
const visitOutcomes = ['現場の運用を見学し、改善点を 3 点提案。', '本社にて部門長と面談。全社展開の計画を共有いただいた。'];
const nextSteps = ['議事録を共有する', '提案資料を作成し送付する', '技術担当との打ち合わせを設定する', '次回までに利用データを分析する'];
const sponsors = ['取締役 CTO 小林 誠', '執行役員 山本 直子', '代表取締役 中村 大輔', '情報システム部長 加藤 剛'];
const attendees = [
  [{ name: '山田 太郎', role: '情報システム部' }],
  [
    { name: '佐々木 花子', role: '営業企画部 マネージャー' },
    { name: '井上 亮', role: '担当' },
  ],
  [{ name: '松本 恵', role: 'カスタマーサポート部 リーダー' }],
];

/** Moves a Saturday or Sunday to the Friday before. */
function weekdayOnOrBefore(date: LocalDate): LocalDate {
  const wd = weekday(date);
  return wd === 6 ? addDays(date, -1) : wd === 0 ? addDays(date, -2) : date;
}

export function generateDemoActivities({ accounts, typeIds, today, timeZone, seed = 20261122 }: Options): NewActivity[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rows: NewActivity[] = [];

  accounts.forEach((account, i) => {
    const slot = slots[i % slots.length]!;
    const people = account.people?.length ? account.people : attendees[i % attendees.length]!;
    const base = { accountId: account.id, ownerId: account.ownerId, createdBy: account.ownerId, timeZone, customerAttendees: people };
    const at = (date: LocalDate, time: string) => zonedToUtc(date, time, timeZone);
    const past = (date: LocalDate) => date < today;
    // Overdue: a planned meeting whose day has passed; two accounts have one.
    const leaveOverdue = i === 2 || i === 5;

    // Monthly meetings, eleven months back to two ahead, each within a month of the one before (a
    // weekend moves it to the Friday before), so the playbook's monthly cadence is kept on time.
    let date = weekdayOnOrBefore(addMonths(addDays(today, 3 + i * 2), -11));
    for (let k = -11; k <= 2; k++, date = weekdayOnOrBefore(addMonths(date, 1))) {
      const row = { ...base, activityTypeId: typeIds.regular_meeting, startsAt: at(date, slot), durationMinutes: 60, location: 'Google Meet' };
      if (!past(date)) rows.push({ ...row, agenda: '定例：利用状況と課題の確認' });
      else if (leaveOverdue && date >= addDays(today, -35)) rows.push({ ...row, agenda: '定例：利用状況と課題の確認' });
      else {
        const roll = rand();
        if (roll < 0.02) rows.push({ ...row, status: 'no_show' });
        else if (roll < 0.04) rows.push({ ...row, status: 'cancelled', cancelReason: '先方の都合により中止' });
        else rows.push({ ...row, status: 'completed', outcome: pick(meetingOutcomes), nextSteps: pick(nextSteps), completedAt: at(date, slot) });
      }
    }

    // Quarterly QBRs over the year, the next one booked for every other account. Two accounts
    // skipped their latest QBR: the demo's missed QBRs, due this quarter and not yet planned.
    const qbrAnchor = addDays(today, -20 - i * 3);
    const skippedQbr = i === 1 || i === 3;
    let qbrDate = weekdayOnOrBefore(addMonths(qbrAnchor, -12));
    for (let k = -4; k <= 1; k++, qbrDate = weekdayOnOrBefore(addMonths(qbrDate, 3))) {
      const date = qbrDate;
      if (!past(date) && i % 2 === 1) continue;
      if (k === 0 && skippedQbr) continue;
      const row = {
        ...base,
        activityTypeId: typeIds.qbr,
        startsAt: at(date, '14:00'),
        durationMinutes: 120,
        location: '先方本社 会議室',
        executiveSponsor: account.sponsor ?? sponsors[i % sponsors.length],
        agenda: '四半期レビュー：KPI、活用状況、次期計画',
      };
      rows.push(past(date) ? { ...row, status: 'completed', outcome: pick(qbrOutcomes), nextSteps: pick(nextSteps), completedAt: at(date, '16:00') } : row);
    }

    // A yearly on-site visit.
    {
      const date = weekdayOnOrBefore(addDays(today, -60 - (i % 12) * 25));
      rows.push({
        ...base,
        activityTypeId: typeIds.onsite_visit,
        startsAt: at(date, '09:30'),
        durationMinutes: 240,
        location: '先方オフィス',
        status: 'completed',
        outcome: pick(visitOutcomes),
        nextSteps: pick(nextSteps),
        completedAt: at(date, '13:30'),
      });
    }
  });
  return rows;
}
