import type { ClosedReason } from '@/lib/scheduling/working-days';

/** A closed day's reason in words: "weekend", the holiday's name, or the closure's (else "company closure"). */
export function closedReasonText(t: (key: 'weekend' | 'closure') => string, reason: ClosedReason): string {
  if (reason.kind === 'weekend') return t('weekend');
  return reason.name || t('closure');
}
