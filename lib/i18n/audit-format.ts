import { getLocale, getTranslations } from 'next-intl/server';
import type { AuditFormat } from '@/lib/audit-values';
import { getFormat } from './format';
import { loose } from './loose';

/** How audit rows read for this request: its language and time zone, and the workspace currency. */
export async function getAuditFormat(currency: string): Promise<AuditFormat> {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormat(currency), getLocale()]);
  const has = t.has as unknown as (key: string) => boolean;
  return { t: loose(t), has, locale, currency, format };
}
