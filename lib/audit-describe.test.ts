import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { auditActionKey, auditActions, auditGroups } from './audit-actions';
import { describeAuditRow, type AuditNames, type AuditRow } from './audit-describe';
import { enumLabels, extraLabels, fieldKinds, type AuditFormat } from './audit-values';
import { formatFor as appFormat } from './format';
import { loose } from './i18n/loose';
import { loadMessages } from './i18n/messages';
import { contactLanguages, contactRoles, levels, lifecycleStages, roles, touchModels } from './vocabulary';

const catalogs = { en: await loadMessages('en'), ja: await loadMessages('ja') };

function formatFor(locale: 'en' | 'ja'): AuditFormat & { sentence: (key: string, values: Record<string, string | number>) => string } {
  const t = createTranslator({ locale, messages: catalogs[locale] });
  const has = t.has as unknown as (key: string) => boolean;
  const markup = t.markup as unknown as (key: string, values: Record<string, unknown>) => string;
  return {
    t: loose(t),
    has,
    locale,
    currency: 'JPY',
    format: appFormat(locale, 'Asia/Tokyo', 'JPY'),
    // The record's name in brackets, where the page puts its link.
    sentence: (key, values) => markup(`auditLog.sentences.${key}`, { ...values, link: (chunks: string) => `[${chunks}]` }),
  };
}
const en = formatFor('en');
const ja = formatFor('ja');

const names: AuditNames = {
  users: new Map([
    [4, '高橋 翔'],
    [5, '田中 美咲'],
    [7, 'Kei Ono'],
  ]),
  accounts: new Map([[12, 'Sora Robotics']]),
  activityTypes: new Map([
    [2, { key: 'qbr', name: null }],
    [3, { key: 'regular_meeting', name: 'Monthly sync' }],
  ]),
  activityTypeOf: new Map([[900, 2]]),
  contacts: new Map([[31, '山田 太郎']]),
  content: new Map([[7, '稟議書テンプレート']]),
  programs: new Map([[3, '管理者向け勉強会']]),
  campaigns: new Map([[4, 'オンボーディング・ステップメール']]),
};

const row = (r: Partial<AuditRow> & { action: string }): AuditRow => ({
  entity: 'account',
  entityId: '12',
  before: null,
  after: null,
  actorId: 1,
  actorName: '佐藤 遥',
  ...r,
});

/** The entry as text: the sentence, then one line per change. */
function read(r: AuditRow, f = en) {
  const d = describeAuditRow(r, f, names);
  return [f.sentence(d.sentence.key, d.sentence.values), ...d.changes.map((c) => `${c.label}: ${c.from !== undefined && c.to !== undefined ? `${c.from} → ${c.to}` : (c.to ?? c.from)}`)];
}

describe('describeAuditRow', () => {
  const update = row({
    action: 'account.update',
    before: { ownerId: 5, arr: '1200000.00', renewalDate: '2027-03-31', lifecycleStage: 'adopting', growthPotential: 'high', grossMarginPct: '70.00' },
    after: { ownerId: 4, arr: '1200000', renewalDate: '2027-04-30', lifecycleStage: 'at_risk', growthPotential: 'high', grossMarginPct: '72.5' },
  });

  it('says who changed which account, then only what changed, with names, the app formats and translated words', () => {
    expect(read(update)).toEqual([
      '佐藤 遥 changed the account [Sora Robotics]',
      'Gross margin: 70% → 72.5%',
      'Lifecycle stage: Adopting → At risk',
      'Renewal date: Mar 31, 2027 → Apr 30, 2027',
      'Owner: 田中 美咲 → 高橋 翔',
    ]);
    expect(describeAuditRow(update, en, names).record).toEqual({ name: 'Sora Robotics', href: '/accounts/12' });
  });

  it('reads in Japanese with Japanese labels and values', () => {
    expect(read(update, ja)).toEqual([
      '佐藤 遥 がアカウント [Sora Robotics] を変更しました',
      '粗利率: 70% → 72.5%',
      'ライフサイクル: 定着中 → リスクあり',
      '契約更新日: 2027/03/31 → 2027/04/30',
      '担当者: 田中 美咲 → 高橋 翔',
    ]);
  });

  it('shows money with the currency, tiers, booleans and roles as words', () => {
    const policy = row({
      action: 'tier_policy.apply',
      entity: 'tier_policy',
      entityId: '3',
      before: { id: 2, version: 2, tier1Threshold: '30000000.00', tier2Threshold: '5000000.00', lifetimeCapYears: 5, raiseForGrowth: true, raiseForChurnRisk: false, createdAt: '2026-11-01T00:00:00Z' },
      after: { version: 3, tier1Threshold: '25000000', tier2Threshold: '5000000', lifetimeCapYears: 5, raiseForGrowth: false, raiseForChurnRisk: false, note: 'FY27 plan', moved: 41 },
    });
    expect(read(policy)).toEqual([
      '佐藤 遥 applied [tier policy version 3]',
      'Tier 1 from: ¥30,000,000 → ¥25,000,000',
      'High growth potential raises one tier: Yes → No',
      'Accounts that changed tier: 41',
      'Note: FY27 plan',
    ]);
    expect(read(row({ action: 'user.update', entity: 'user', entityId: '5', before: { role: 'csm', capacityHours: 110 }, after: { role: 'manager', capacityHours: 60 } }), ja)).toEqual([
      '佐藤 遥 がユーザー [田中 美咲] を変更しました',
      'ロール: CSM → マネージャー',
      '月間の稼働可能時間: 月 110 時間 → 月 60 時間',
    ]);
    expect(read(row({ action: 'account.override', before: { tier: 3 }, after: { tier: 1, reason: 'Strategic logo', until: '2027-06-30' } }))).toEqual([
      '佐藤 遥 overrode the tier of [Sora Robotics]',
      'Tier: Tier 3 → Tier 1',
      'Reason: Strategic logo',
      'Until: Jun 30, 2027',
    ]);
  });

  it('names the activity a row refers to by id, in the reader’s time zone, and skips fields the edit did not touch', () => {
    const moved = row({
      action: 'activity.reschedule',
      before: { activityId: 900, startsAt: '2027-01-12T06:00:00.000Z', durationMinutes: 60, location: 'Google Meet', agenda: null },
      after: { startsAt: '2027-01-14T06:00:00.000Z', durationMinutes: 90, seriesId: null },
    });
    expect(read(moved)).toEqual(['佐藤 遥 rescheduled an activity on [Sora Robotics]: QBR', 'When: Jan 12, 2027, 3:00 PM → Jan 14, 2027, 3:00 PM', 'Duration: 60 min → 90 min']);
    expect(read(moved, ja)[0]).toBe('佐藤 遥 が [Sora Robotics] の活動の日時を変更しました：QBR（四半期ビジネスレビュー）');
    const scheduled = row({ action: 'activity.schedule', after: { activityId: 901, type: 3, startsAt: '2027-01-20T01:00:00.000Z', ownerId: 5, internalAttendees: [4, 7] } });
    expect(read(scheduled)).toEqual([
      '佐藤 遥 scheduled an activity on [Sora Robotics]: Monthly sync',
      'When: Jan 20, 2027, 10:00 AM',
      'Owner: 田中 美咲',
      'Colleagues joining: 高橋 翔, Kei Ono',
    ]);
  });

  it('tells a reassignment and a handover in names', () => {
    expect(read(row({ action: 'account.reassign', before: { ownerId: 5 }, after: { ownerId: 4 } }))).toEqual([
      '佐藤 遥 moved [Sora Robotics] to another CSM',
      'Owner: 田中 美咲 → 高橋 翔',
    ]);
    expect(read(row({ action: 'user.deactivate', entity: 'user', entityId: '5', before: { active: true }, after: { active: false, handover: { accounts: 71, activities: 12, to: 4 } } }))).toEqual([
      '佐藤 遥 deactivated [田中 美咲]',
      'Book handed to: 高橋 翔',
      'Accounts handed over: 71',
      'Planned activities handed over: 12',
    ]);
  });

  it('reads sign-in failures and refusals without an actor', () => {
    const failed = row({ action: 'auth.sign_in_failed', entity: 'session', entityId: null, actorId: null, actorName: null, after: { email: 'x@y.example', address: 'unknown', reason: 'wrong_password', count: 3 } });
    expect(read(failed)).toEqual(['A sign-in as x@y.example failed', 'Reason: Wrong password', 'From address: Not known (no trusted proxy)', 'Attempts: 3']);
    expect(read(failed, ja)[0]).toBe('x@y.example でのログインに失敗しました');
    const denied = row({ action: 'access.denied', entity: 'action:account.update', entityId: null, actorName: '田中 美咲', after: { reason: 'ownership' } });
    expect(read(denied)).toEqual(['田中 美咲 was refused “Account changed”', 'Reason: Not theirs to change']);
    expect(read(row({ action: 'access.denied', entity: 'page:/admin/users', entityId: null, actorId: null, actorName: null, after: { reason: 'signed_out' } }), ja)).toEqual([
      '未ログインの利用者 によるページ /admin/users の表示を拒否しました',
      '理由: ログインしていない',
    ]);
  });

  it('reads an alert snoozed with or without a reason, in both languages', () => {
    const snoozed = (reason: string | null) => row({ action: 'alert.snooze', after: { episodeId: 3, ruleName: 'No login 14 days', until: '2026-12-04', reason, taskId: 9 } });
    expect(read(snoozed('Customer on holiday'))).toEqual(['佐藤 遥 snoozed the alert “No login 14 days” on [Sora Robotics]', 'Reason: Customer on holiday', `Until: ${en.format.date('2026-12-04')}`]);
    expect(read(snoozed(null))).toEqual(['佐藤 遥 snoozed the alert “No login 14 days” on [Sora Robotics]', `Until: ${en.format.date('2026-12-04')}`]);
    expect(read(snoozed(null), ja)).toEqual(['佐藤 遥 が [Sora Robotics] のアラート「No login 14 days」をスヌーズしました', `期限: ${ja.format.date('2026-12-04')}`]);
  });

  it('lists only the campaign an alert rule’s webhook enrols accounts in, by name, when an edit changes it', () => {
    const rule = { name: 'No login 14 days', first: 'tech_touch', techChannel: 'webhook', techSubject: 'login-nudge', version: 2 };
    const changed = row({ action: 'alert_rule.update', entity: 'alert_rule', entityId: '8', before: { ...rule, techCampaignId: null }, after: { ...rule, techSubject: 'nudge', techCampaignId: 4, version: 3 } });
    expect(read(changed)).toEqual(['佐藤 遥 changed the alert rule [No login 14 days]', 'Campaign the webhook enrols in: — → オンボーディング・ステップメール']);
    expect(read(changed, ja).at(-1)).toBe('Webhook で登録するキャンペーン: — → オンボーディング・ステップメール');
    const gone = row({ action: 'alert_rule.update', entity: 'alert_rule', entityId: '8', before: { ...rule, techCampaignId: 4 }, after: { ...rule, techCampaignId: 99 } });
    expect(read(gone).at(-1)).toBe('Campaign the webhook enrols in: オンボーディング・ステップメール → record #99 (no longer exists)');
    const same = row({ action: 'alert_rule.update', entity: 'alert_rule', entityId: '8', before: { ...rule, techCampaignId: 4 }, after: { ...rule, techSubject: 'other', techCampaignId: 4 } });
    expect(read(same)).toHaveLength(1);
  });

  it('reads the demo seed’s summary rows as counts by the setup', () => {
    expect(read(row({ action: 'account.create', entityId: null, actorId: null, actorName: null, after: { count: 300, overrides: 12, requests: 3, source: 'demo seed' } }))).toEqual([
      'Setup created 300 accounts',
      'Source: Demo data',
    ]);
    expect(read(row({ action: 'activity.schedule', entityId: null, actorId: null, actorName: null, after: { count: 412, source: 'demo seed' } }), ja)).toEqual([
      '初期設定 が活動を 412 件予定しました',
      '登録元: デモデータ',
    ]);
  });

  it('names the contact a change is about, with its roles and language in words', () => {
    expect(
      read(row({ action: 'contact.update', before: { contactId: 31, roles: ['champion'], language: null }, after: { contactId: 31, roles: ['champion', 'executive_sponsor'], language: 'ja' } })),
    ).toEqual(['佐藤 遥 changed the contact 山田 太郎 on [Sora Robotics]', 'Roles: Champion → Champion, Executive sponsor', 'Preferred language: Workspace language → Japanese']);
    expect(read(row({ action: 'contact.create', after: { contactId: 32, name: 'Ann Lee', email: 'ann@sora.example', title: 'CTO', roles: [], active: true } }), ja)).toEqual([
      '佐藤 遥 が [Sora Robotics] の顧客担当者に Ann Lee を追加しました',
      'メールアドレス: ann@sora.example',
      '有効: はい',
      '役職: CTO',
    ]);
  });

  it('names the library item a content row is about, and says a share’s reach in words', () => {
    expect(read(row({ action: 'content.update', entity: 'content', entityId: '7', before: { tiers: [], archived: false }, after: { tiers: [2, 3], archived: true } }))).toEqual([
      '佐藤 遥 changed [稟議書テンプレート] in the content library',
      'Meant for tiers: Any tier → Tier 2, Tier 3',
      'Archived: No → Yes',
    ]);
    expect(read(row({ action: 'content.share', entity: 'content', entityId: '7', after: { version: 1, batchId: 'x', audience: 'tier=3', accounts: 12, recipients: 30, optedOut: 2 } }), ja)).toEqual([
      '佐藤 遥 が [稟議書テンプレート] を共有しました',
      'アカウント数: 12',
      'トラッキングリンク数: 30',
      'メール停止中: 2',
    ]);
  });

  it('lists a playbook’s rules in words with the type names', () => {
    const saved = row({
      action: 'playbook.save',
      entity: 'playbook',
      entityId: '1',
      before: { version: 1, rules: [{ activityTypeId: 2, every: 3, unit: 'month', hours: '5', bookAheadDays: 14 }] },
      after: { version: 2, rules: [{ activityTypeId: 2, every: 3, unit: 'month', hours: '4' }, { activityTypeId: 3, every: 1, unit: 'month', hours: '1.5' }], note: null },
    });
    expect(read(saved)).toEqual(['佐藤 遥 saved the [Tier 1 playbook] as version 2', 'Rules: QBR every 3 months, 5 h → QBR every 3 months, 4 h; Monthly sync every month, 1.5 h']);
  });

  it('names a touch-kind rule by its kind', () => {
    const saved = row({
      action: 'playbook.save',
      entity: 'playbook',
      entityId: '2',
      before: { version: 1, rules: [] },
      after: { version: 2, rules: [{ activityTypeId: null, touchKind: 'content_shared', every: 1, unit: 'month', hours: '0' }], note: null },
    });
    expect(read(saved)[1]).toBe('Rules: No rules → Content shared every month, 0 h');
    expect(read(saved, ja)[1]).toContain('コンテンツの共有');
  });

  it('names a campaign rule by its campaign', () => {
    const saved = row({
      action: 'playbook.save',
      entity: 'playbook',
      entityId: '3',
      before: { version: 1, rules: [] },
      after: { version: 2, rules: [{ activityTypeId: null, touchKind: 'campaign_delivered', campaignId: 4, every: 1, unit: 'month', hours: '0' }], note: null },
    });
    expect(read(saved)[1]).toBe('Rules: No rules → オンボーディング・ステップメール delivered every month, 0 h');
    expect(read(saved, ja)[1]).toContain('オンボーディング・ステップメール の配信');
  });

  it('says which content kind an admin added, renamed or deactivated, by the name it had', () => {
    const kindRow = (action: string, before: object | null, after: object) => row({ action, entity: 'content_kind', entityId: '8', before, after });
    expect(read(kindRow('content_kind.create', null, { key: null, name: 'Checklist' }))).toEqual(['佐藤 遥 added the content kind [Checklist]', 'Name: Checklist']);
    expect(read(kindRow('content_kind.update', { key: 'guide', name: null, active: true }, { key: 'guide', name: 'Manuals', active: true }))).toEqual([
      '佐藤 遥 changed the content kind [Manuals]',
      'Name: Default name → Manuals',
    ]);
    const deactivated = kindRow('content_kind.deactivate', { key: 'guide', name: null, active: true }, { key: 'guide', name: null, active: false });
    expect(read(deactivated)).toEqual(['佐藤 遥 deactivated the content kind [Guide]']);
    expect(read(deactivated, ja)).toEqual(['佐藤 遥 がコンテンツの種類 [ガイド] を無効にしました']);
    expect(describeAuditRow(deactivated, en, names).record).toEqual({ name: 'Guide', href: '/admin/content-kinds' });
  });

  it('says which program kind an admin added or changed, with its touch model in words', () => {
    const kindRow = (action: string, before: object | null, after: object) => row({ action, entity: 'program_kind', entityId: '6', before, after });
    expect(read(kindRow('program_kind.create', null, { key: null, name: 'Advisory board', touchModel: 'community' }))).toEqual([
      '佐藤 遥 added the program kind [Advisory board]',
      'Name: Advisory board',
      'Touch model: Community',
    ]);
    const changed = kindRow('program_kind.update', { key: 'webinar', name: null, active: true, touchModel: 'low' }, { key: 'webinar', name: null, active: true, touchModel: 'community' });
    expect(read(changed)).toEqual(['佐藤 遥 changed the program kind [Webinar]', 'Touch model: Low-touch → Community']);
    expect(read(changed, ja)).toEqual(['佐藤 遥 がプログラムの種類 [ウェビナー] を変更しました', 'タッチモデル: ロータッチ → コミュニティ']);
    expect(describeAuditRow(changed, en, names).record).toEqual({ name: 'Webinar', href: '/admin/program-kinds' });
    expect(read(kindRow('program_kind.reactivate', { key: 'user_group', name: null, active: false, touchModel: 'community' }, { key: 'user_group', name: null, active: true, touchModel: 'community' }))).toEqual([
      '佐藤 遥 reactivated the program kind [User group / meetup]',
    ]);
  });

  it('says how many failed jobs of which queue an admin retried, by the queue’s name', () => {
    const retried = (count: number) => row({ action: 'job.retry', entity: 'job_queue', entityId: 'content-email', after: { count, jobIds: ['a', 'b'].slice(0, count) } });
    expect(read(retried(1))).toEqual(['佐藤 遥 sent a failed job of [Content emails] back to run again']);
    expect(read(retried(2))).toEqual(['佐藤 遥 sent 2 failed jobs of [Content emails] back to run again']);
    expect(read(retried(2), ja)).toEqual(['佐藤 遥 が [コンテンツのメール] の失敗したジョブ 2 件を再実行しました']);
    expect(describeAuditRow(retried(1), en, names).record).toEqual({ name: 'Content emails', href: '/admin/jobs' });
  });

  it('reads an export’s health filter in words, one band (older rows) or several', () => {
    const exported = (health: unknown) => row({ action: 'account.export', entityId: null, after: { filter: { tiers: [1], health }, rows: 3 } });
    expect(read(exported(['poor', 'none'])).slice(1)).toEqual(['Tier: Tier 1', 'Health: Poor, No score']);
    expect(read(exported('average')).slice(1)).toEqual(['Tier: Tier 1', 'Health: Average']);
    expect(read(exported(['good', 'none']), ja).slice(1)).toEqual(['Tier: Tier 1', 'ヘルス: 良好, スコアなし']);
  });

  it('lists the workspace’s grace days, event retention and pulse days an admin changed', () => {
    const changed = row({
      action: 'workspace.update',
      entity: 'workspace',
      entityId: '1',
      before: { coverageGraceDays: 0, eventRetentionMonths: 13, pulseDays: 30 },
      after: { coverageGraceDays: 3, eventRetentionMonths: 24, pulseDays: 14 },
    });
    expect(read(changed)).toEqual(['佐藤 遥 changed the [workspace settings]', 'Coverage grace days: 0 → 3', 'Usage event retention (months): 13 → 24', 'Days a CSM pulse counts: 30 → 14']);
    expect(read(changed, ja).slice(1)).toEqual(['カバレッジの猶予日数: 0 → 3', '利用イベントの保存期間（か月）: 13 → 24', 'CSM パルスの有効日数: 30 → 14']);
  });
});

describe('describeAuditRow: attendee report people resolved by hand', () => {
  it('says who was added as a contact from which program, with their minutes, on the account', () => {
    const added = row({ action: 'program.add_attendee_contact', after: { contactId: 31, name: '山田 太郎', email: 'taro@sora.example', programId: 3, sessionId: 8, invitationId: 40, minutes: 55 } });
    expect(read(added)).toEqual(['佐藤 遥 added 山田 太郎, who attended “管理者向け勉強会”, as a contact on [Sora Robotics]', 'Email: taro@sora.example', 'Minutes attended: 55 min']);
    expect(read(added, ja)).toEqual(['佐藤 遥 が「管理者向け勉強会」の参加者 山田 太郎 を [Sora Robotics] の顧客担当者に追加しました', 'メールアドレス: taro@sora.example', '参加時間: 55 分']);
  });

  it('names the person as the report did and the contact they were matched to; a dismissal names the person', () => {
    const matched = row({ action: 'program.match_attendee', entity: 'program', entityId: '3', after: { sessionId: 8, attendee: 'Kenji Ono', email: 'kenji@gmail.example', contactId: 31, invitationId: 41, invited: true, minutes: 29 } });
    expect(read(matched)).toEqual(['佐藤 遥 matched Kenji Ono in the attendee report of [管理者向け勉強会] to the contact 山田 太郎', 'Email: kenji@gmail.example', 'Minutes attended: 29 min']);
    const dismissed = row({ action: 'program.dismiss_attendee', entity: 'program', entityId: '3', after: { sessionId: 8, attendee: '佐藤（営業企画部）', email: null } });
    expect(read(dismissed, ja)).toEqual(['佐藤 遥 が [管理者向け勉強会] の参加者レポートの 佐藤（営業企画部） を対象外にしました（顧客ではない）']);
  });
});

describe('audit vocabulary', () => {
  const has = (locale: 'en' | 'ja', key: string) => (createTranslator({ locale, messages: catalogs[locale] }).has as unknown as (k: string) => boolean)(key);

  it('has a sentence for every audit action in both languages, and for the seed’s summary rows', () => {
    const keys = [...auditActions.map(auditActionKey), 'account_create_many', 'activity_schedule_many', 'contact_create_many', 'content_share_many'];
    for (const locale of ['en', 'ja'] as const) expect(keys.filter((k) => !has(locale, `auditLog.sentences.${k}`)), locale).toEqual([]);
  });

  it('has a short name for every audit action in both languages, for the event filter and the account timeline', () => {
    for (const locale of ['en', 'ja'] as const) expect(auditActions.map(auditActionKey).filter((k) => !has(locale, `audit.actions.${k}`)), locale).toEqual([]);
  });

  it('has a name for every group the audit log filters by, in both languages', () => {
    for (const locale of ['en', 'ja'] as const) expect(auditGroups.filter((g) => !has(locale, `auditLog.groups.${g}`)), locale).toEqual([]);
  });

  it('has a label for every field it lists, and words for every value of the vocabularies it shows', () => {
    const labels = [...Object.keys(fieldKinds), ...extraLabels];
    const values = [
      ...levels.map(enumLabels.level),
      ...lifecycleStages.map(enumLabels.stage),
      ...roles.map(enumLabels.role),
      ...touchModels.map(enumLabels.touchModel),
      ...['unknown_email', 'wrong_password', 'deactivated'].map(enumLabels.signInReason),
      ...['signed_out', 'role', 'ownership', 'origin'].map(enumLabels.deniedReason),
      ...['demo seed', 'cli'].map(enumLabels.source),
      ...contactRoles.map((r) => `contacts.roleNames.${r}`),
      ...contactLanguages.map(enumLabels.contactLanguage),
    ];
    for (const locale of ['en', 'ja'] as const) {
      expect(labels.filter((k) => !has(locale, `auditLog.fields.${k}`)), locale).toEqual([]);
      expect(values.filter((k) => !has(locale, k)), locale).toEqual([]);
    }
  });

  it('knows every action name the code writes to the audit log', () => {
    // The types already refuse an unknown name; this also catches one passed as a plain string.
    const root = join(import.meta.dirname, '..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : files(path);
        return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
      });
    const written = new Set<string>();
    const patterns = [/\baction:\s*'([a-z_]+\.[a-z_]+)'/g, /\baction:\s*[^,'\n]+\?\s*'([a-z_]+\.[a-z_]+)'\s*:\s*'([a-z_]+\.[a-z_]+)'/g, /closeActivity\(\s*'([a-z_]+\.[a-z_]+)'/g];
    for (const dir of ['app', 'lib', 'db', 'scripts']) {
      for (const file of files(join(root, dir))) {
        const text = readFileSync(file, 'utf8');
        for (const p of patterns) for (const m of text.matchAll(p)) m.slice(1).forEach((name) => name && written.add(name));
      }
    }
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((name) => !(auditActions as readonly string[]).includes(name))).toEqual([]);
  });
});
