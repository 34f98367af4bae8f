/** Money in the workspace currency; exact for numeric strings (no float rounding). */
export function formatMoney(value: string | null | undefined, currency: string, locale: string, opts: { compact?: boolean } = {}): string {
  if (value == null) return '—';
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    ...(opts.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  });
  return format.format(value as Intl.StringNumericLiteral);
}

export function formatPct(value: string | null | undefined, locale: string): string {
  if (value == null) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value as Intl.StringNumericLiteral)} %`;
}
