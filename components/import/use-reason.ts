'use client';

import { useTranslations } from 'next-intl';
import type { Message } from '@/lib/actions/result';
import { looseOr } from '@/lib/i18n/loose';

/**
 * A row error or action error in words. Row errors reuse the account form's
 * validation keys; a key the catalog lacks reads as the generic "not valid"
 * rather than as a raw key.
 */
export function useReason() {
  const t = useTranslations();
  const say = looseOr(t, () => t('validation.invalid'));
  return (m: Message) => say(m.key, m.values);
}
