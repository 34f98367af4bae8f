import type { Format } from '@/lib/format';

/** A campaign's dates as one phrase: "Nov 1 – Nov 30, 2026", or "From Nov 1, 2026" while it runs on. */
export function campaignDates(c: { startsOn: string; endsOn: string | null }, format: Format, t: (key: 'dates' | 'fromDate', values: Record<string, string>) => string): string {
  return c.endsOn ? format.dateRange(c.startsOn, c.endsOn) : t('fromDate', { start: format.date(c.startsOn) });
}
