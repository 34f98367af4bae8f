'use client';

import { useTranslations } from 'next-intl';
import type { Message } from '@/lib/actions/result';

/**
 * A row error or action error in words. Row errors reuse the account form's
 * validation keys; a key the catalog lacks reads as the generic "not valid"
 * rather than as a raw key.
 */
export function useReason() {
  const t = useTranslations();
  return (m: Message) => (t.has(m.key as never) ? t(m.key as never, m.values as never) : t('validation.invalid'));
}
