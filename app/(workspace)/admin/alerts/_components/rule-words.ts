import type { AlertCondition } from '@/lib/alerts/conditions';
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

/** The values behind a match, e.g. "last seen 20 days ago · score 55, was 80". */
export function valuesInWords(t: LooseTranslate, values: Record<string, unknown>): string {
  const n = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : null);
  const words: string[] = [];
  if ('daysSinceSeen' in values) words.push(n(values.daysSinceSeen) === null ? t('values.neverSeen') : t('values.daysSinceSeen', { days: n(values.daysSinceSeen)! }));
  if ('pricingViews' in values) words.push(t('values.pricingViews', { count: n(values.pricingViews) ?? 0 }));
  if (n(values.scoreThen) !== null && n(values.score) !== null) words.push(t('values.scoreWas', { score: n(values.score)!, then: n(values.scoreThen)! }));
  else if (n(values.score) !== null) words.push(t('values.score', { score: n(values.score)! }));
  if (Array.isArray(values.unusedFeatures)) words.push(t('values.unusedFeatures', { features: values.unusedFeatures.join(', ') }));
  if (typeof values.renewalDate === 'string') words.push(t('values.renewalDate', { date: values.renewalDate }));
  if (n(values.nps) !== null) words.push(t('values.nps', { nps: n(values.nps)! }));
  return words.join(' · ');
}
