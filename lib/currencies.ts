import type { Message } from '@/lib/actions/result';

export const currencies = ['JPY', 'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'SGD', 'KRW', 'CNY', 'INR'] as const;
export type Currency = (typeof currencies)[number];

const digitsOf = new Map<string, number>();

/** Digits after the decimal point in a currency's own amounts: 0 for yen and won, 2 for dollars and euros. */
export function minorUnits(currency: string): number {
  // Building a formatter costs more than formatting: a list of 50 amounts asked 50 times.
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsOf.set(currency, digits);
  }
  return digits;
}

/**
 * An exact decimal amount ("5040000.00") written as the currency writes it,
 * for files: "5040000" in yen, "5040000.00" in dollars. Digits that carry a
 * value are never dropped ("12.50" yen stays "12.5"), so a file re-imports
 * to the same amount.
 */
export function plainAmount(value: string, currency: string): string {
  const [whole, fraction = ''] = value.split('.');
  const significant = fraction.replace(/0+$/, '');
  const digits = Math.max(minorUnits(currency), significant.length);
  return digits ? `${whole}.${significant.padEnd(digits, '0')}` : whole!;
}

/**
 * Whether an amount fits its currency: yen and won have no decimals, dollars
 * and euros two. Null when it fits (or is blank); else the message that says
 * the currency's own rule ("whole yen only").
 */
export function moneyRuleError(value: string | null | undefined, currency: string): Message | null {
  if (value == null || value === '') return null;
  const fraction = value.split('.')[1] ?? '';
  const digits = minorUnits(currency);
  if (fraction.replace(/0+$/, '').length <= digits) return null;
  return digits === 0 ? { key: 'validation.moneyWhole', values: { currency } } : { key: 'validation.moneyDecimals', values: { currency, digits } };
}

/** What a person typed in a money input ("30000000", "30,000,000", "¥ 30,000,000", full-width digits) as a plain amount, or null when it is not one. */
export function typedAmount(value: string): string | null {
  const clean = value.normalize('NFKC').replace(/[\s,¥$€£₩]/g, '');
  return /^\d+(\.\d+)?$/.test(clean) ? clean : null;
}
