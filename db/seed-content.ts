import type { BuiltInContentKind } from '@/lib/content/kind-label';
import type { ContactLanguage } from '@/lib/vocabulary';
import { prng } from './seed-accounts';

// The demo's content library: 20 items and a monthly letter a Japanese SaaS vendor's CS team
// shares (templates, guides, help articles, recordings), each shared one to
// three times over the past year with a slice of the accounts it is meant
// for, and opened the way such links are: about half the people, most within
// two days. Pure and deterministic; the seed runs it through the real queries.

export type DemoItem = {
  kind: BuiltInContentKind;
  title: string;
  description: string;
  language: ContactLanguage | null;
  tiers: number[];
  url: string;
  shares: { daysAgo: number; accountIds: number[] }[];
};

const library: Omit<DemoItem, 'shares' | 'url'>[] = [
  { kind: 'template', title: '社内稟議用 導入提案書テンプレート', description: '導入の社内決裁を通すための提案書ひな形（効果試算つき）。', language: 'ja', tiers: [2, 3] },
  { kind: 'template', title: '初期設定チェックリスト', description: '管理者が初週に行う設定をまとめたチェックリスト。', language: 'ja', tiers: [] },
  { kind: 'template', title: 'KPI ダッシュボード サンプル', description: 'すぐに使える営業 KPI ダッシュボードの設定例。', language: 'ja', tiers: [2, 3] },
  { kind: 'template', title: 'Executive review deck template', description: 'A ready-made deck for a customer’s own quarterly review of the rollout.', language: 'en', tiers: [1, 2] },
  { kind: 'guide', title: 'はじめてのワークフロー作成ガイド', description: '最初のワークフローを 30 分で作るための手順書。', language: 'ja', tiers: [3] },
  { kind: 'guide', title: '管理者向け 権限設計ガイド', description: '部署・役職ごとの権限設計の考え方と設定例。', language: 'ja', tiers: [] },
  { kind: 'guide', title: 'API 連携ガイド（基幹システム編）', description: '基幹システムとの連携パターンと注意点。', language: 'ja', tiers: [1, 2] },
  { kind: 'guide', title: 'Getting started for global teams', description: 'Setting up regions, languages and time zones for teams outside Japan.', language: 'en', tiers: [] },
  { kind: 'help_article', title: 'FAQ: CSV 取り込みでエラーになる場合', description: '文字コードや列名のよくある問題と解決方法。', language: 'ja', tiers: [] },
  { kind: 'help_article', title: 'FAQ: シングルサインオン（SAML）の設定', description: 'Azure AD・Okta での SSO 設定手順。', language: 'ja', tiers: [1, 2] },
  { kind: 'help_article', title: 'FAQ: 通知メールが届かないとき', description: '迷惑メール設定と送信ドメイン認証の確認手順。', language: 'ja', tiers: [] },
  { kind: 'help_article', title: 'How to export audit logs', description: 'Exporting and filtering the audit trail for compliance reviews.', language: 'en', tiers: [1] },
  { kind: 'recording', title: '勉強会録画：レポート機能 活用編', description: '10 月開催の勉強会（60 分）の録画と資料。', language: 'ja', tiers: [2, 3] },
  { kind: 'recording', title: '勉強会録画：はじめての自動化', description: '初級者向け勉強会（45 分）の録画。', language: 'ja', tiers: [3] },
  { kind: 'recording', title: 'ウェビナー録画：新機能紹介 2026 秋', description: '秋のリリース内容の紹介ウェビナー。', language: 'ja', tiers: [] },
  { kind: 'recording', title: 'Webinar recording: admin best practices', description: 'A 40-minute session for administrators, with Q&A.', language: 'en', tiers: [1, 2] },
  { kind: 'video', title: '3 分でわかる ダッシュボードの見方', description: '短い操作動画。', language: 'ja', tiers: [3] },
  { kind: 'video', title: 'モバイルアプリの使い方', description: '外出先での承認とコメントの操作動画。', language: 'ja', tiers: [] },
  { kind: 'guide', title: '活用度セルフチェックシート', description: '自社の活用度を 10 問で確認できるシート。', language: 'ja', tiers: [2, 3] },
  { kind: 'other', title: 'ユーザー会 2026 開催レポート', description: '春のユーザー会の講演資料とパネルディスカッションのまとめ。', language: 'ja', tiers: [] },
];

// The low-touch team's monthly letter to Tier 2: the share that keeps the
// playbook's "content every month" promise, to most of the tier each time.
const letter: Omit<DemoItem, 'shares' | 'url'> = {
  kind: 'guide',
  title: '月刊 活用レター',
  description: '毎月お届けする活用のヒントと新機能の使いどころ（Tier 2 のお客様向け）。',
  language: 'ja',
  tiers: [2],
};

export function generateDemoContent({ accounts, seed = 20261129 }: { accounts: { id: number; tier: number }[]; seed?: number }): DemoItem[] {
  const rand = prng(seed);
  const tier2 = accounts.filter((a) => a.tier === 2);
  const letterShares = Array.from({ length: 12 }, (_, m) => ({ daysAgo: 4 + 28 * (11 - m), accountIds: tier2.filter(() => rand() < 0.6).map((a) => a.id) }));
  return [...library.map((item, i) => {
    const pool = accounts.filter((a) => !item.tiers.length || item.tiers.includes(a.tier));
    const count = 1 + Math.floor(rand() * 3);
    const shares = Array.from({ length: count }, () => {
      const size = Math.min(pool.length, 6 + Math.floor(rand() * 20));
      const chosen = new Set<number>();
      while (chosen.size < size) chosen.add(pool[Math.floor(rand() * pool.length)]!.id);
      return { daysAgo: 3 + Math.floor(rand() * 360), accountIds: [...chosen].sort((a, b) => a - b) };
    }).sort((a, b) => b.daysAgo - a.daysAgo);
    return { ...item, url: `https://help.hinode.example/resources/${i + 1}`, shares };
  }), { ...letter, url: 'https://help.hinode.example/letters', shares: letterShares }];
}

/**
 * Who opens a share, and when: about half the recipients, four in five of
 * them within two days, never after `now`.
 */
export function demoOpens(tokens: string[], sharedAt: Date, now: Date, rand: () => number): { token: string; at: Date }[] {
  const out: { token: string; at: Date }[] = [];
  for (const token of tokens) {
    if (rand() >= 0.5) continue;
    const hours = rand() < 0.8 ? 1 + rand() * 47 : 48 + rand() * 24 * 18;
    const at = new Date(sharedAt.getTime() + hours * 3_600_000);
    if (at < now) out.push({ token, at });
  }
  return out;
}
