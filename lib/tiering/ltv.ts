import { divRoundHalfUp, toScaled } from '@/lib/decimal';

export type LtvInputs = {
  arr: string | null;
  grossMarginPct: string | null;
  annualChurnPct: string | null;
};

export type LtvInput = keyof LtvInputs;

export type LtvResult = { ltv: string; capped: boolean; missing: [] } | { ltv: null; capped: false; missing: LtvInput[] };

/**
 * LTV = ARR × gross margin × expected lifetime, where lifetime in years is
 * 100 / annual churn %, capped at `capYears` (churn 0 means the cap).
 * Exact: ARR has 2 decimals, percentages 2, the cap 1; the result is rounded
 * half up to whole currency units. db/queries/tier-sql.ts states the same
 * rule in SQL for set-based re-tiering, and a test holds the two together.
 */
export function computeLtv(inputs: LtvInputs, capYears: string): LtvResult {
  const arr = toScaled(inputs.arr, 2); // cents
  const margin = toScaled(inputs.grossMarginPct, 2); // hundredths of a percent
  const churn = toScaled(inputs.annualChurnPct, 2);
  const cap = toScaled(capYears, 1); // tenths of a year
  if (cap === null) throw new Error(`Invalid lifetime cap: ${capYears}`);
  const missing: LtvInput[] = [];
  if (arr === null) missing.push('arr');
  if (margin === null) missing.push('grossMarginPct');
  if (churn === null) missing.push('annualChurnPct');
  if (arr === null || margin === null || churn === null) return { ltv: null, capped: false, missing };
  // Lifetime 100 / churn% reaches the cap when cap × churn% ≤ 100.
  const capped = cap * churn <= 100_000n;
  const ltv = capped
    ? divRoundHalfUp(arr * margin * cap, 10_000_000n) // arr/100 × margin/10⁴ × cap/10
    : divRoundHalfUp(arr * margin, 100n * churn); // arr/100 × margin/10⁴ × 10⁴/churn
  return { ltv: ltv.toString(), capped, missing: [] };
}

/** Expected lifetime in years, for display: 100 / churn %, capped. */
export function lifetimeYears(annualChurnPct: string | null, capYears: string): number | null {
  if (annualChurnPct == null) return null;
  const churn = Number(annualChurnPct);
  const cap = Number(capYears);
  return churn === 0 ? cap : Math.min(cap, 100 / churn);
}
