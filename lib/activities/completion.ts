import type { Message } from '@/lib/actions/result';

/**
 * Completing an activity before its start time: it happened earlier than
 * planned, so once the user confirms, it moves to now. A touch is never
 * logged in the future, and "last touch" never shows a date ahead.
 */
export function earlyCompletion(startsAt: Date, now: Date, confirmed: boolean): { warning: Message } | { startsAt?: Date } {
  if (startsAt.getTime() <= now.getTime()) return {};
  return confirmed ? { startsAt: now } : { warning: { key: 'activities.completeEarly' } };
}
