// The one place that turns dates, times, money and numbers into text for
// people. Everything takes the reader's locale ("en" → "Dec 3, 2026, 3:00 PM",
// "ja" → "2026/12/03 15:00") and, for instants, the time zone they are read
// in (the user's, else the workspace's). Files (CSV, iCalendar) keep machine
// formats and do not come through here. ESLint forbids the raw Intl and
// toLocale* calls elsewhere so there stays one format.

import { minorUnits } from './currencies';

/** An instant, or a calendar date "YYYY-MM-DD" (a day with no time zone: shown as that day everywhere). */
export type DateInput = Date | string;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

// Intl formatters are costly to build and a calendar page formats hundreds of values: keep each one.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}
const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) => cached('dt', locale, options, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

/** A calendar date as the instant to format it from (noon UTC, read in UTC), or an instant as is. */
function instant(value: DateInput, timeZone: string | undefined): { at: Date; timeZone: string | undefined } {
  if (typeof value === 'string' && dayPattern.test(value)) return { at: new Date(`${value}T12:00:00Z`), timeZone: 'UTC' };
  return { at: typeof value === 'string' ? new Date(value) : value, timeZone };
}

const dateStyles = {
  /** Dec 3, 2026 · 2026/12/03 */
  medium: { dateStyle: 'medium' },
  /** December 3, 2026 · 2026年12月3日 */
  long: { dateStyle: 'long' },
  /** 12/3/26 · 2026/12/03 */
  short: { dateStyle: 'short' },
  /** December 2026 · 2026年12月 */
  monthYear: { year: 'numeric', month: 'long' },
  /** Dec 2026 · 2026年12月 */
  monthYearShort: { year: 'numeric', month: 'short' },
  /** Dec · 12月 (a chart's month axis) */
  month: { month: 'short' },
  /** Dec 3 · 12月3日 */
  monthDay: { month: 'short', day: 'numeric' },
  /** Dec 3, 2026 · 2026年12月3日 (for ranges: "Nov 30 – Dec 6, 2026" · "2026年11月30日～12月6日") */
  monthDayYear: { year: 'numeric', month: 'short', day: 'numeric' },
  /** 12/3 · 12/3 */
  numericMonthDay: { month: 'numeric', day: 'numeric' },
  /** Thu, Dec 3 · 12月3日(木) */
  weekdayMonthDay: { weekday: 'short', month: 'short', day: 'numeric' },
  /** Thursday, December 3 · 12月3日木曜日 */
  weekdayMonthDayLong: { weekday: 'long', month: 'long', day: 'numeric' },
  /** Thu · 木 */
  weekday: { weekday: 'short' },
  /** Thursday · 木曜日 */
  weekdayLong: { weekday: 'long' },
  /** T · 木 */
  weekdayNarrow: { weekday: 'narrow' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof dateStyles;

type Zone = { timeZone?: string };

/** A day: an instant read in `timeZone`, or a calendar date as it is. */
export function formatDate(value: DateInput | null | undefined, locale: string, opts: Zone & { style?: DateStyle } = {}): string {
  if (value == null || value === '') return '—';
  const { at, timeZone } = instant(value, opts.timeZone);
  if (Number.isNaN(at.getTime())) return '—';
  return dateTimeFormat(locale, { ...dateStyles[opts.style ?? 'medium'], timeZone }).format(at);
}

/** Two days as one span: "Nov 30 – Dec 6, 2026" · "2026/11/30～12/06". */
export function formatDateRange(start: DateInput, end: DateInput, locale: string, opts: Zone & { style?: DateStyle } = {}): string {
  const a = instant(start, opts.timeZone);
  const b = instant(end, opts.timeZone);
  return dateTimeFormat(locale, { ...dateStyles[opts.style ?? 'medium'], timeZone: a.timeZone }).formatRange(a.at, b.at);
}

// English reads 12-hour clocks, Japanese 24-hour: the locale's own hour cycle, never forced.
const timeOptions = { hour: 'numeric', minute: '2-digit' } as const;

/** The time of an instant in `timeZone`: "3:00 PM" · "15:00". */
export function formatTime(value: Date | null | undefined, locale: string, opts: Zone = {}): string {
  if (!value) return '—';
  return dateTimeFormat(locale, { ...timeOptions, timeZone: opts.timeZone }).format(value);
}

/** A wall-clock time "HH:MM" (a series' 10:00, a proposal's 15:00) in the reader's clock: "3:00 PM" · "15:00". */
export function formatClock(time: string, locale: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!m) return time;
  return dateTimeFormat(locale, { ...timeOptions, timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2]))));
}

/** Start to end: "3:00 PM–4:30 PM" · "15:00～16:30". */
export function formatTimeRange(start: Date, end: Date, locale: string, opts: Zone = {}): string {
  // Both ends written in full: ICU's own time ranges switch Japanese to "15時00分～16時30分".
  return `${formatTime(start, locale, opts)}${locale.startsWith('ja') ? '～' : '–'}${formatTime(end, locale, opts)}`;
}

const dateTimeStyles = {
  /** Dec 3, 2026, 3:00 PM · 2026/12/03 15:00 */
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  /** Dec 3, 2026, 3:00:05 PM · 2026/12/03 15:00:05 (logs, where seconds matter) */
  seconds: { dateStyle: 'medium', timeStyle: 'medium' },
  /** Dec 3, 3:00 PM · 12月3日 15:00 */
  monthDay: { month: 'short', day: 'numeric', ...timeOptions },
  /** Thu, Dec 3, 3:00 PM · 12月3日(木) 15:00 */
  weekdayMonthDay: { weekday: 'short', month: 'short', day: 'numeric', ...timeOptions },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateTimeStyle = keyof typeof dateTimeStyles;

/** A day and time of an instant in `timeZone`. */
export function formatDateTime(value: Date | null | undefined, locale: string, opts: Zone & { style?: DateTimeStyle } = {}): string {
  if (!value) return '—';
  return dateTimeFormat(locale, { ...dateTimeStyles[opts.style ?? 'medium'], timeZone: opts.timeZone }).format(value);
}

const dayMs = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;

/** A calendar date next to today's: "today", "tomorrow", "in 3 days", "2 days ago" · 「今日」「明日」「3 日後」. */
export function formatRelativeDay(date: string, today: string, locale: string): string {
  const days = Math.round(dayNumber(date) - dayNumber(today));
  if (Number.isNaN(days)) return '—';
  return cached('rt', locale, { numeric: 'auto' }, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(days, 'day');
}

/**
 * Money in a currency, with its grouping and its own minor units: ¥30,000,000
 * (yen has none), $1,234.50. Exact for numeric strings (no float rounding).
 */
export function formatMoney(value: string | number | null | undefined, currency: string, locale: string, opts: { compact?: boolean } = {}): string {
  if (value == null || value === '') return '—';
  const digits = minorUnits(currency);
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    ...(opts.compact ? { notation: 'compact', maximumFractionDigits: 1 } : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  });
  return format.format(value as Intl.StringNumericLiteral);
}

/** A count or measure with the locale's grouping: 1,234 · 1,234. */
export function formatNumber(value: string | number | null | undefined, locale: string, opts: { maximumFractionDigits?: number } = {}): string {
  if (value == null || value === '') return '—';
  return numberFormat(locale, { maximumFractionDigits: opts.maximumFractionDigits ?? 2 }).format(value as Intl.StringNumericLiteral);
}

/** A percentage given in percent ("12.50" → "12.5%"), up to two decimals. */
export function formatPercent(value: string | number | null | undefined, locale: string): string {
  if (value == null || value === '') return '—';
  // Shift the decimal point in the string rather than dividing a float, so 12.345 stays exact.
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(`${value}E-2` as Intl.StringNumericLiteral);
}

/** A fraction as a whole percentage: 0.456 → "46%" (open rates, shares). */
export function formatRatio(value: number | null | undefined, locale: string): string {
  if (value == null || Number.isNaN(value)) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** @deprecated Use formatPercent; kept for callers written before it. */
export const formatPct = formatPercent;

/** Hours of work, one decimal at most: 1.5 · 12 (the catalog adds "h" / "時間"). */
export function formatHours(value: string | number | null | undefined, locale: string): string {
  return formatNumber(value, locale, { maximumFractionDigits: 1 });
}

/** A year count with one decimal at most: 8.3. */
export function formatYears(value: string | number | null | undefined, locale: string): string {
  return formatNumber(value, locale, { maximumFractionDigits: 1 });
}

/** Names as a sentence's list: "Tier 1, Tier 2, and Tier 3" · 「Tier 1、Tier 2、Tier 3」. */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/**
 * Values of a server message for display: a server writes calendar dates as
 * YYYY-MM-DD (alone or as a list, "2027-04-15, 2027-05-20, …"), and the
 * reader sees them in their own format. Everything else is left as it is.
 */
export function localizeMessageValues<V extends Record<string, string | number>>(values: V | undefined, locale: string): V | undefined {
  if (!values) return values;
  // English dates have commas of their own, so a list of them takes semicolons.
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = typeof value === 'string' ? value.split(', ') : [];
    const dates = parts.filter((p) => p !== '…');
    out[key] = dates.length > 0 && dates.every((p) => dayPattern.test(p)) ? parts.map((p) => (p === '…' ? p : formatDate(p, locale))).join(locale.startsWith('ja') ? '、' : '; ') : value;
  }
  return out as V;
}

/** Month names 1..12, for pickers: January… · 1月… */
export function monthNames(locale: string): { value: number; label: string }[] {
  const format = dateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: format.format(new Date(Date.UTC(2024, i, 1))) }));
}

/**
 * Every formatter bound to one reader (locale and time zone) and, for money,
 * the workspace currency: what pages and components use, from `getFormat()`
 * on the server or `useFormat()` in the browser.
 */
export function formatFor(locale: string, timeZone: string, currency?: string) {
  const zone = { timeZone };
  return {
    locale,
    timeZone,
    date: (v: DateInput | null | undefined, style?: DateStyle) => formatDate(v, locale, { ...zone, style }),
    dateRange: (a: DateInput, b: DateInput, style?: DateStyle) => formatDateRange(a, b, locale, { ...zone, style }),
    dateTime: (v: Date | null | undefined, style?: DateTimeStyle) => formatDateTime(v, locale, { ...zone, style }),
    time: (v: Date | null | undefined) => formatTime(v, locale, zone),
    clock: (time: string) => formatClock(time, locale),
    timeRange: (a: Date, b: Date) => formatTimeRange(a, b, locale, zone),
    relativeDay: (date: string, today: string) => formatRelativeDay(date, today, locale),
    money: (v: string | number | null | undefined, opts?: { compact?: boolean; currency?: string }) => formatMoney(v, opts?.currency ?? currency ?? 'JPY', locale, opts),
    number: (v: string | number | null | undefined, opts?: { maximumFractionDigits?: number }) => formatNumber(v, locale, opts),
    percent: (v: string | number | null | undefined) => formatPercent(v, locale),
    ratio: (v: number | null | undefined) => formatRatio(v, locale),
    hours: (v: string | number | null | undefined) => formatHours(v, locale),
    years: (v: string | number | null | undefined) => formatYears(v, locale),
    list: (items: readonly string[]) => formatList(items, locale),
  };
}
export type Format = ReturnType<typeof formatFor>;
