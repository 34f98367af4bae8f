import type { TierReason } from './compute';

export type ReasonTranslator = (key: string, values?: Record<string, string | number>) => string;

/**
 * An account's computed tier in words, e.g. "Tier 1: LTV ¥62,400,000 ≥
 * ¥50,000,000" or "Tier 2: LTV ¥3,100,000 is below the Tier 2 threshold
 * ¥5,000,000, raised one tier for high growth potential". `t` reads the
 * `tierReason` catalog namespace; `money` formats in the workspace currency.
 */
export function describeTierReason(reason: TierReason, tier: number, t: ReasonTranslator, money: (v: string) => string): string {
  const base =
    reason.ltv === null
      ? t('missing', { tier, fields: reason.missing.map((m) => t(`field.${m}`)).join(', ') })
      : reason.baseTier === 3
        ? t('below', { tier, ltv: money(reason.ltv), threshold: money(reason.threshold) })
        : t('meets', { tier, ltv: money(reason.ltv), threshold: money(reason.threshold) });
  return reason.raisedBy ? `${base}${t(reason.raisedBy === 'growth' ? 'raisedGrowth' : 'raisedChurnRisk')}` : base;
}
