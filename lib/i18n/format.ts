import 'server-only';
import { getLocale, getTimeZone } from 'next-intl/server';
import { formatFor, type Format } from '@/lib/format';

/** The formatters of lib/format.ts for this request's reader: their locale and time zone (and the workspace currency, when given). */
export async function getFormat(currency?: string): Promise<Format> {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return formatFor(locale, timeZone, currency);
}
