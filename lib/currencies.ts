export const currencies = ['JPY', 'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'SGD', 'KRW', 'CNY', 'INR'] as const;
export type Currency = (typeof currencies)[number];

/** Digits after the decimal point in a currency's own amounts: 0 for yen and won, 2 for dollars and euros. */
export function minorUnits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
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
