import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import ja from '@/lib/i18n/messages/ja.json';
import { loose } from '@/lib/i18n/loose';
import { describeTierReason, tierStandingLine } from './reason-text';

const yen = (v: string) => new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' }).format(Number(v));
const tEn = createTranslator({ locale: 'en', messages: en, namespace: 'tierReason' });
const tJa = createTranslator({ locale: 'ja', messages: ja, namespace: 'tierReason' });
const say = (t: typeof tEn) => (k: string, v?: Record<string, string | number>) => t(k as never, v as never);

describe('describeTierReason', () => {
  it('says the threshold met', () => {
    expect(describeTierReason({ ltv: '62400000', missing: [], baseTier: 1, threshold: '50000000', raisedBy: null }, 1, say(tEn), yen)).toBe(
      'Tier 1: LTV ¥62,400,000 ≥ ¥50,000,000',
    );
  });
  it('says the raise', () => {
    expect(describeTierReason({ ltv: '3100000', missing: [], baseTier: 3, threshold: '5000000', raisedBy: 'growth' }, 2, say(tEn), yen)).toBe(
      'Tier 2: LTV ¥3,100,000 is below the Tier 2 threshold ¥5,000,000, raised one tier for high growth potential',
    );
  });
  it('names missing inputs, in Japanese too', () => {
    const reason = { ltv: null, missing: ['grossMarginPct' as const], baseTier: 3 as const, threshold: '5000000', raisedBy: null };
    expect(describeTierReason(reason, 3, say(tEn), yen)).toBe('Tier 3: LTV cannot be computed (missing gross margin %)');
    expect(describeTierReason(reason, 3, say(tJa), yen)).toBe('Tier 3：粗利率が未入力のため LTV を計算できません');
  });
});

describe('tierStandingLine', () => {
  const all = loose(createTranslator({ locale: 'en', messages: en }));
  const standing = { tier: 1, computedTier: 3, tierReason: { ltv: '10608000', missing: [], baseTier: 3, threshold: '30000000', raisedBy: null }, overrideReason: null, overrideUntil: null, overriderName: null };

  it('says the computed reason, with the computed tier, when nothing overrides it', () => {
    expect(tierStandingLine({ ...standing, tier: 3, tierSource: 'computed' }, all, yen)).toBe('Tier 3: LTV ¥10,608,000 is below the Tier 2 threshold ¥30,000,000');
  });

  it('says who overrode it, until when and why, then the computed tier underneath', () => {
    const line = tierStandingLine({ ...standing, tierSource: 'override', overrideReason: 'Strategic logo', overrideUntil: '2027-03-31', overriderName: '鈴木 健一' }, all, yen);
    expect(line).toBe('Tier 1: override by 鈴木 健一 until 2027-03-31. Reason: Strategic logo. Computed: Tier 3: LTV ¥10,608,000 is below the Tier 2 threshold ¥30,000,000');
  });
});
