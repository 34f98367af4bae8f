'use client';

import { useMemo } from 'react';
import { useLocale, useTimeZone } from 'next-intl';
import { formatFor, type Format } from '@/lib/format';

/** The formatters of lib/format.ts for the reader, in a client component (same locale and time zone as the server rendered with). */
export function useFormat(currency?: string): Format {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'UTC';
  return useMemo(() => formatFor(locale, timeZone, currency), [locale, timeZone, currency]);
}
