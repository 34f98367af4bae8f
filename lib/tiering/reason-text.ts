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

export type TierStanding = {
  tier: number;
  computedTier: number;
  tierSource: 'computed' | 'override';
  tierReason: unknown;
  overrideReason: string | null;
  overrideUntil: string | null;
  /** Who set the override; null reads as "System". */
  overriderName: string | null;
};

/**
 * What the account page says about an account's tier: the computed reason,
 * or for an override who set it (and until when), why, and the computed tier
 * underneath. `t` reads the whole catalog. The CSV export writes the same.
 */
export function describeTierStanding(a: TierStanding, t: ReasonTranslator, money: (v: string) => string) {
  const computed = describeTierReason(a.tierReason as TierReason, a.computedTier, (k, v) => t(`tierReason.${k}`, v), money);
  if (a.tierSource !== 'override') return { headline: computed };
  const by = a.overriderName ?? t('accounts.system');
  return { headline: t('accounts.overrideSummary', { tier: a.tier, name: by, until: a.overrideUntil ?? 'none' }), overrideReason: a.overrideReason ?? '', computed };
}

/** The same as one line, for a file. */
export function tierStandingLine(a: TierStanding, t: ReasonTranslator, money: (v: string) => string): string {
  const s = describeTierStanding(a, t, money);
  if (s.computed === undefined) return s.headline;
  return `${s.headline}. ${t('accounts.overrideReason')}: ${s.overrideReason}. ${t('accounts.computedUnderneath')}: ${s.computed}`;
}
