import type { AlertCondition } from '@/lib/alerts/conditions';
import { valueWords } from '@/lib/alerts/words';
import type { Format } from '@/lib/format';
import type { LooseTranslate } from '@/lib/i18n/loose';

// A rule and its matches in words, for the table (rendered on the server)
// and the editor's preview (in the browser). `t` reads the alerts catalog.

export function conditionsInWords(t: LooseTranslate, conditions: AlertCondition[]): string {
  return conditions.map((c) => t(`conditions.${c.kind}`, c as unknown as Record<string, number>)).join(t('and'));
}

/** Tiers and stages, or "All" when the rule applies to every account. */
export function scopeInWords(t: LooseTranslate, stageName: (stage: string) => string, scope: { tiers: number[]; stages: string[] }): string {
  const parts = [...(scope.tiers.length ? [t('tiers', { tiers: scope.tiers.join(', ') })] : []), ...scope.stages.map(stageName)];
  return parts.length ? parts.join(' · ') : t('all');
}

/** The values behind a match, e.g. "last seen 20 days ago · score 55, was 80" (lib/alerts/words.ts, shared with a task's why). */
export function valuesInWords(t: LooseTranslate, values: Record<string, unknown>, format: Pick<Format, 'date' | 'list' | 'number'>): string {
  return valueWords(values, (key, v) => t(`values.${key}`, v), format).join(' · ');
}
