import { computeTier, type Level } from '@/lib/tiering/compute';
import type { Tier, TierPolicy } from '@/lib/tiering/policy';
import type { AccountInput } from '@/lib/validation/account';

// The demo workspace's accounts: a Japanese B2B SaaS vendor's book of about
// 300 customers. Pure and deterministic (a seeded PRNG, dates relative to
// `today`), so every demo looks the same and a test can hold it to its
// promises: a handful of Tier 1, tens of Tier 2, the long tail in Tier 3.

export type TierChange = { tier: Tier; reason: string; until: string | null };

export type DemoAccount = {
  input: AccountInput;
  /** Set by the manager; wins over the computed tier. */
  override: TierChange | null;
  /** Pending request from the owning CSM. */
  request: TierChange | null;
};

type Options = { policy: TierPolicy; today: string; csmIds: number[]; seed?: number };

/** mulberry32: small, fast, and the same sequence on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// How the ~300 accounts divide. `base` is the tier by LTV alone; `raise`
// moves it up one tier by the policy's modifiers. Computed tiers: 8 / 52 / 240.
const profiles: { count: number; base: Tier; raise: 'growth' | 'churnRisk' | null }[] = [
  { count: 7, base: 1, raise: null },
  { count: 1, base: 2, raise: 'churnRisk' },
  { count: 38, base: 2, raise: null },
  { count: 9, base: 3, raise: 'growth' },
  { count: 5, base: 3, raise: 'churnRisk' },
  { count: 240, base: 3, raise: null },
];

// Place-name stems (kanji, romanised for the domain).
const stems: [string, string][] = [
  ['青葉', 'aoba'], ['東雲', 'shinonome'], ['北斗', 'hokuto'], ['白鷺', 'shirasagi'], ['若葉', 'wakaba'],
  ['富士見', 'fujimi'], ['桜川', 'sakuragawa'], ['高砂', 'takasago'], ['千歳', 'chitose'], ['常盤', 'tokiwa'],
  ['紅葉', 'momiji'], ['春日', 'kasuga'], ['八雲', 'yakumo'], ['葵', 'aoi'], ['錦', 'nishiki'],
  ['松風', 'matsukaze'], ['浜名', 'hamana'], ['鳴海', 'narumi'], ['日向', 'hyuga'], ['天城', 'amagi'],
  ['秋津', 'akitsu'], ['伊吹', 'ibuki'], ['鶴見', 'tsurumi'], ['三河', 'mikawa'], ['武蔵野', 'musashino'],
  ['湘南', 'shonan'], ['瀬戸', 'seto'], ['宇治', 'uji'], ['那須', 'nasu'], ['高千穂', 'takachiho'],
  ['駿河', 'suruga'], ['大洋', 'taiyo'], ['光陽', 'koyo'], ['栄', 'sakae'], ['真砂', 'masago'],
  ['嵐山', 'arashiyama'], ['琴平', 'kotohira'], ['花園', 'hanazono'], ['清澄', 'kiyosumi'], ['久遠', 'kuon'],
  ['蒼天', 'soten'], ['旭光', 'kyokko'], ['大樹', 'taiki'], ['陽光', 'yoko'], ['朝霧', 'asagiri'],
  ['白樺', 'shirakaba'], ['つばさ', 'tsubasa'], ['みらい', 'mirai'], ['さくら', 'sakura'], ['ひかり', 'hikari'],
  ['豊浦', 'toyoura'], ['美濃', 'mino'], ['出雲', 'izumo'], ['備前', 'bizen'], ['若狭', 'wakasa'],
];

// Company forms by industry: name template ({} is the stem), domain suffix, top-level domain.
type Form = [string, string, string];
type Industry = { name: string; weight: number; forms: Form[] };
const holdings: Industry = { name: '製造業', weight: 0, forms: [['{}ホールディングス株式会社', 'hd', 'co.jp']] };
const industries: Industry[] = [
  { name: '製造業', weight: 22, forms: [['{}工業株式会社', 'kogyo', 'co.jp'], ['株式会社{}製作所', 'ss', 'co.jp'], ['{}精機株式会社', 'seiki', 'co.jp'], ['{}化成株式会社', 'kasei', 'co.jp']] },
  { name: '小売', weight: 9, forms: [['株式会社{}ストア', 'store', 'co.jp'], ['{}商店株式会社', 'shoten', 'jp'], ['株式会社{}リテール', 'retail', 'co.jp']] },
  { name: '卸売', weight: 7, forms: [['{}商事株式会社', 'shoji', 'co.jp'], ['{}通商株式会社', 'tsusho', 'co.jp']] },
  { name: '金融', weight: 6, forms: [['{}ファイナンス株式会社', 'finance', 'co.jp'], ['{}証券株式会社', 'sec', 'co.jp'], ['{}信用金庫', 'shinkin', 'jp']] },
  { name: '物流', weight: 9, forms: [['{}運輸株式会社', 'unyu', 'co.jp'], ['{}ロジスティクス株式会社', 'logi', 'co.jp'], ['{}倉庫株式会社', 'soko', 'co.jp']] },
  { name: '医療', weight: 8, forms: [['医療法人{}会', 'med', 'jp'], ['{}メディカル株式会社', 'medical', 'co.jp'], ['{}薬品株式会社', 'yakuhin', 'co.jp']] },
  { name: 'SaaS', weight: 12, forms: [['株式会社{}テクノロジーズ', 'tech', 'com'], ['{}システムズ株式会社', 'systems', 'co.jp'], ['株式会社{}ソフト', 'soft', 'jp']] },
  { name: '不動産', weight: 7, forms: [['{}不動産株式会社', 'fudosan', 'co.jp'], ['{}地所株式会社', 'jisho', 'co.jp'], ['株式会社{}ハウジング', 'housing', 'jp']] },
  { name: '教育', weight: 6, forms: [['学校法人{}学園', 'gakuen', 'jp'], ['株式会社{}エデュケーション', 'edu', 'co.jp']] },
  { name: '建設', weight: 7, forms: [['{}建設株式会社', 'kensetsu', 'co.jp'], ['株式会社{}工務店', 'komuten', 'jp']] },
  { name: '食品', weight: 7, forms: [['{}食品株式会社', 'foods', 'co.jp'], ['{}製菓株式会社', 'seika', 'co.jp']] },
];

// English-named startups: the accounts that grow fast.
const startups: [string, string, string][] = [
  ['Kumo Labs', 'kumolabs.com', 'SaaS'], ['Sora Robotics', 'sorarobotics.com', '製造業'], ['Tsubame AI', 'tsubame-ai.com', 'SaaS'],
  ['Komorebi Inc.', 'komorebi-inc.com', 'SaaS'], ['Nami Payments', 'namipay.jp', '金融'], ['Mirai Health', 'miraihealth.jp', '医療'],
  ['Yuzu Data', 'yuzudata.com', 'SaaS'], ['Kotoba Learning', 'kotoba-learning.com', '教育'], ['Ringo Logistics', 'ringo-logi.com', '物流'],
  ['Hoshi Analytics', 'hoshi-analytics.com', 'SaaS'], ['Tanuki Commerce', 'tanuki-commerce.jp', '小売'], ['Shiro Security', 'shirosec.com', 'SaaS'],
];

const notes = {
  tier1: [
    '情報システム部と経営企画部の二部門が窓口。QBR には CIO が出席。',
    '全社展開が完了。次は海外拠点（タイ・ベトナム）への展開を検討中。',
    'API 連携を個別にカスタマイズ済み。仕様変更時は事前共有が必須。',
  ],
  growth: ['シリーズ B で資金調達済み。来年度に利用部門を倍増する計画。', '急成長中。アカウント数が四半期ごとに増えている。'],
  risk: [
    '前回の定例で競合製品への切り替えを検討中と発言。',
    '推進担当者が異動。後任との関係構築が必要。',
    '利用率が 3 か月連続で低下。価格の見直しを要望されている。',
  ],
  general: [
    'キーパーソン: 営業企画部 部長。',
    '勉強会への参加率が高い。',
    'ヘルプセンターで自己解決できている。',
    '更新前に利用状況レポートを送付すること。',
    '年度末（3 月）は繁忙期のため連絡を控える。',
  ],
};

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Made = { account: DemoAccount; tier: Tier };

export function generateDemoAccounts({ policy, today, csmIds, seed = 20261122 }: Options): DemoAccount[] {
  const rand = prng(seed);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const logBetween = (lo: number, hi: number) => Math.exp(between(Math.log(lo), Math.log(hi)));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const weighted = <T extends { weight: number }>(items: readonly T[]): T => {
    let r = rand() * items.reduce((s, i) => s + i.weight, 0);
    for (const item of items) if ((r -= item.weight) < 0) return item;
    return items[items.length - 1]!;
  };
  // Below the top of the scale: 'high' on either modifier would raise the tier.
  const lowOrMedium = (pLow: number): Level => (rand() < pLow ? 'low' : 'medium');

  const plan = profiles.flatMap((p) => Array.from({ length: p.count }, () => ({ base: p.base, raise: p.raise })));
  // Shuffle (Fisher–Yates), so ids do not group by tier.
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }

  const usedDomains = new Set<string>();
  const freeStartups = [...startups];
  const t1 = Number(policy.tier1Threshold);
  const t2 = Number(policy.tier2Threshold);
  const cap = Number(policy.lifetimeCapYears);
  // Owners cycle 3 : 3 : 2, roughly the CSMs' capacity (110 h, 110 h, 88 h).
  const ownerCycle = [0, 1, 2, 0, 1, 2, 0, 1].map((i) => csmIds[i % csmIds.length]!);
  let unowned = 0;

  const made = plan.map(({ base, raise }, i): Made => {
    const startup = raise === 'growth' || (base === 3 && rand() < 0.02) ? freeStartups.shift() : undefined;
    let name: string, domain: string, industry: string;
    if (startup) {
      [name, domain, industry] = startup;
    } else {
      const ind = base === 1 && rand() < 0.3 ? holdings : weighted(industries);
      let form: Form, stem: [string, string];
      do {
        form = pick(ind.forms);
        stem = pick(stems);
      } while (usedDomains.has(`${stem[1]}-${form[1]}.${form[2]}`));
      name = form[0].replace('{}', stem[0]);
      domain = `${stem[1]}-${form[1]}.${form[2]}`;
      industry = ind.name;
    }
    usedDomains.add(domain);

    // Inputs consistent with the tier: LTV inside its band, clear of the thresholds.
    const growthPotential: Level = raise === 'growth' || (base === 1 && rand() < 0.3) ? 'high' : lowOrMedium(0.35);
    const riskLevel: Level = raise === 'churnRisk' ? 'high' : lowOrMedium(0.7);
    const atRisk = riskLevel === 'high';
    const churn = atRisk ? between(18, 30) : base === 1 ? between(3, 8) : base === 2 ? between(4, 15) : between(6, 28);
    const churnPct = Math.round(churn * 2) / 2;
    const marginPct = int(60, 85);
    const ltv = base === 1 ? t1 * logBetween(1.1, 5) : base === 2 ? logBetween(t2 * 1.1, t1 * 0.9) : logBetween(t2 * 0.15, t2 * 0.9);
    const years = Math.min(cap, 100 / churnPct);
    const unit = base === 3 ? 12_000 : 120_000; // monthly fees in ¥1,000 / ¥10,000 steps
    const arr = Math.max(120_000, Math.round(ltv / ((marginPct / 100) * years) / unit) * unit);
    const employees = startup
      ? int(15, 150)
      : Math.round(base === 1 ? logBetween(800, 30_000) : base === 2 ? logBetween(150, 2_500) : logBetween(8, 400));
    const lifecycleStage = atRisk
      ? 'at_risk'
      : growthPotential === 'high' && base === 3
        ? pick(['onboarding', 'adopting'] as const)
        : weighted([
            { stage: 'onboarding', weight: 12 },
            { stage: 'adopting', weight: 38 },
            { stage: 'mature', weight: base === 3 ? 44 : 50 },
            { stage: 'at_risk', weight: base === 3 ? 4 : 0 },
          ] as const).stage;
    const churnRisk: Level = lifecycleStage === 'at_risk' && riskLevel === 'low' ? 'medium' : riskLevel;
    const note = atRisk
      ? pick(notes.risk)
      : raise === 'growth'
        ? pick(notes.growth)
        : base === 1 && rand() < 0.7
          ? pick(notes.tier1)
          : rand() < 0.12
            ? pick(notes.general)
            : null;
    // Two or three new tail accounts are still waiting for a CSM.
    const waiting = base === 3 && !raise && lifecycleStage === 'onboarding' && unowned < 3 && rand() < 0.3;
    if (waiting) unowned++;

    const input: AccountInput = {
      name,
      domain,
      externalId: rand() < 0.7 ? `CRM-${10_000 + i * 7}` : null,
      industry,
      employees,
      arr: String(arr),
      grossMarginPct: String(marginPct),
      annualChurnPct: String(churnPct),
      growthPotential,
      churnRisk,
      lifecycleStage,
      renewalDate: addDays(today, int(1, 548)),
      notes: note,
      ownerId: waiting ? null : ownerCycle[i % ownerCycle.length]!,
    };
    const computed = computeTier(input, policy);
    const tier = (raise ? base - 1 : base) as Tier;
    if (computed.reason.baseTier !== base || computed.tier !== tier)
      throw new Error(`Demo account ${name}: meant for Tier ${tier}, computed Tier ${computed.tier}`);
    return { account: { input, override: null, request: null }, tier };
  });

  addOverridesAndRequests(made, today);
  return made.map((m) => m.account);
}

/** The manager's overrides and two CSMs' pending requests, on owned, healthy accounts of the right tier. */
function addOverridesAndRequests(made: Made[], today: string): void {
  // n candidates spread evenly over the list, so they are not all the first ids.
  const take = (tier: Tier, n: number, extra: (a: AccountInput) => boolean = () => true) => {
    const candidates = made.filter(
      ({ account: a, tier: t }) => t === tier && a.input.ownerId !== null && !a.override && !a.request && a.input.lifecycleStage !== 'at_risk' && extra(a.input),
    );
    return Array.from({ length: Math.min(n, candidates.length) }, (_, k) => candidates[Math.floor(((k + 0.5) * candidates.length) / n)]!.account);
  };
  const tier1 = made.filter((m) => m.tier === 1).map((m) => m.account.input.name);
  const parent = (tier1.find((n) => n.includes('ホールディングス')) ?? tier1[0] ?? '').replace(/株式会社$/, '');

  const [caseA, caseB, grouped] = take(2, 3);
  const [child, pilot, influencer] = take(3, 3);
  const overrides: [DemoAccount | undefined, TierChange][] = [
    [caseA, { tier: 1, reason: '業界の代表的な導入事例（事例記事・講演に協力）', until: null }],
    [caseB, { tier: 1, reason: '業界の代表的な導入事例。事例公開までハイタッチで支援', until: addDays(today, 120) }],
    [grouped, { tier: 3, reason: 'グループ契約の窓口を親会社に一本化。個別の定例は不要', until: null }],
    [child, { tier: 2, reason: `親会社（${parent}）が Tier 1 顧客`, until: null }],
    [pilot, { tier: 2, reason: 'グループ全社展開に向けた検証導入中', until: null }],
    [influencer, { tier: 2, reason: '業界団体の幹事企業で、導入が同業他社に与える影響が大きい', until: null }],
  ];
  for (const [account, change] of overrides) if (account) account.override = change;

  const [first, second] = [...new Set(made.map((m) => m.account.input.ownerId).filter((id) => id !== null))];
  const [toTier1] = take(2, 1, (a) => a.ownerId === first);
  const [toTier2] = take(3, 1, (a) => a.ownerId === second);
  if (toTier1) toTier1.request = { tier: 1, reason: '経営層との定例が始まり、全社展開の可能性が高い', until: null };
  if (toTier2) toTier2.request = { tier: 2, reason: '来期に拠点を 5 か所から 20 か所へ拡大予定', until: addDays(today, 180) };
}
