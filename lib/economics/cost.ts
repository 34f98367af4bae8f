import { divRoundHalfUp, fromScaled, toScaled } from '@/lib/decimal';

// Cost to serve (DOMAIN.md "Capacity and unit economics"), exact: amounts
// travel as decimal strings and are computed as scaled BigInts, never floats.
// Hours come per account rounded to 6 decimals (economics.ts: a session
// shared by three accounts gives each a third of its hours), money has 2
// (numeric(16,2) settings and ARR), so every product is exact at 8 decimals;
// only what is shown or written to a file is rounded, half up.

const hoursScale = 6;
const moneyScale = 2;
/** The scale of an exact cost: hours × money. */
export const costScale = hoursScale + moneyScale;

export type Tier = 1 | 2 | 3;

export type CostSettings = {
  /** The loaded cost of one CSM hour. */
  hourlyCost: string;
  /** Tooling cost per account per month, by tier. */
  tooling: Record<Tier, string>;
  /** Cost above this share of ARR (percent) is high-touch on low value. */
  thresholdPct: string;
};

function scaled(value: string, scale: number, what: string): bigint {
  const v = toScaled(value, scale);
  if (v === null) throw new Error(`Not an amount of ${what}: ${value}`);
  return v;
}

const pow10 = (n: number) => 10n ** BigInt(n);

/**
 * Cost to serve over a period, exact at `costScale` decimals: hours delivered
 * × hourly cost + tooling per account per month × months × accounts.
 */
export function costToServe(i: { hours: string; hourlyCost: string; toolingPerMonth: string; months: number; accounts?: number }): string {
  const accounts = BigInt(i.accounts ?? 1);
  const labour = scaled(i.hours, hoursScale, 'hours') * scaled(i.hourlyCost, moneyScale, 'money');
  const tooling = scaled(i.toolingPerMonth, moneyScale, 'money') * BigInt(i.months) * accounts * pow10(hoursScale);
  return fromScaled(labour + tooling, costScale);
}

/** An exact amount rounded half up to a currency's minor units (0 for yen: "1234.5" → "1235"). */
export function roundMoney(value: string, minorUnits: number): string {
  const v = scaled(value, costScale, 'money');
  return fromScaled(divRoundHalfUp(v, pow10(costScale - minorUnits)), minorUnits);
}

/** An exact amount split evenly over `count` (an average per account), still at `costScale`; null for none. */
export function perEach(value: string, count: number): string | null {
  if (count <= 0) return null;
  return fromScaled(divRoundHalfUp(scaled(value, costScale, 'money'), BigInt(count)), costScale);
}

/**
 * Cost as a share of the ARR earned over the same months (ARR × months ÷
 * 12), in percent rounded half up to one decimal; null when ARR is unknown
 * or zero (no share to speak of).
 */
export function costSharePct(cost: string, arr: string | null, months: number): string | null {
  if (arr === null) return null;
  const a = scaled(arr, moneyScale, 'ARR');
  if (a === 0n || months <= 0) return null;
  // cost × 1200 ÷ (ARR × months), ×10 for the one decimal.
  return fromScaled(divRoundHalfUp(scaled(cost, costScale, 'money') * 12_000n, a * BigInt(months) * pow10(costScale - moneyScale)), 1);
}

/**
 * Whether cost to serve is more than `thresholdPct` % of the ARR of the same
 * months (strictly: exactly at the line is not over). Unknown ARR is never
 * over; zero ARR is over as soon as anything is spent on it.
 */
export function exceedsShare(cost: string, arr: string | null, months: number, thresholdPct: string): boolean {
  if (arr === null) return false;
  const c = scaled(cost, costScale, 'money');
  const a = scaled(arr, moneyScale, 'ARR');
  // cost × 1200 > threshold × ARR × months, all at costScale.
  return c * 1200n > scaled(thresholdPct, moneyScale, 'percent') * a * BigInt(months) * pow10(costScale - 2 * moneyScale);
}

export type TierTotals = { tier: Tier; accounts: number; arr: string; ltv: string; hours: string };

/** A tier's economics over a period: cost to serve in total and per account, and as a share of its ARR. */
export function tierEconomics(t: TierTotals, s: CostSettings, months: number) {
  const cost = costToServe({ hours: t.hours, hourlyCost: s.hourlyCost, toolingPerMonth: s.tooling[t.tier], months, accounts: t.accounts });
  return { ...t, cost, perAccount: perEach(cost, t.accounts), sharePct: costSharePct(cost, t.arr, months) };
}

/** One account's economics over a period. */
export function accountEconomics(a: { tier: Tier; arr: string | null; hours: string }, s: CostSettings, months: number) {
  const cost = costToServe({ hours: a.hours, hourlyCost: s.hourlyCost, toolingPerMonth: s.tooling[a.tier], months });
  return { cost, sharePct: costSharePct(cost, a.arr, months), over: exceedsShare(cost, a.arr, months, s.thresholdPct) };
}

/** The settings as the workspace keeps them. */
export function costSettingsOf(w: { csmHourCost: string; tier1ToolingCost: string; tier2ToolingCost: string; tier3ToolingCost: string; costShareThresholdPct: string }): CostSettings {
  return { hourlyCost: w.csmHourCost, tooling: { 1: w.tier1ToolingCost, 2: w.tier2ToolingCost, 3: w.tier3ToolingCost }, thresholdPct: w.costShareThresholdPct };
}

/** Exact decimal strings added up, written at `scale` decimals. */
export function sumAmounts(values: readonly string[], scale: number): string {
  return fromScaled(values.reduce((sum, v) => sum + scaled(v, scale, 'amount'), 0n), scale);
}

/** The whole workspace: each tier's cost (its own tooling) added up, with the average and the share of all ARR. */
export function totalEconomics(tiers: readonly ReturnType<typeof tierEconomics>[], months: number) {
  const accounts = tiers.reduce((n, t) => n + t.accounts, 0);
  const cost = sumAmounts(tiers.map((t) => t.cost), costScale);
  const arr = sumAmounts(tiers.map((t) => t.arr), moneyScale);
  return {
    accounts,
    arr,
    ltv: sumAmounts(tiers.map((t) => t.ltv), moneyScale),
    hours: sumAmounts(tiers.map((t) => t.hours), hoursScale),
    cost,
    perAccount: perEach(cost, accounts),
    sharePct: costSharePct(cost, arr, months),
  };
}
