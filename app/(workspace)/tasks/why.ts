import type { Format } from '@/lib/format';
import type { InboxTask } from '@/db/queries/tasks';
import type { LooseTranslate } from '@/lib/i18n/loose';

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** Why a task exists, in words: its rule and the signal values that fired it, or what was written; and why it went to its owner. */
export function whyLines(task: Pick<InboxTask, 'title' | 'why' | 'values' | 'ruleName' | 'assignedWhy'>, t: LooseTranslate, format: Format): string[] {
  const lines: string[] = [];
  // A raised task is titled after its rule; say the rule only when the title differs.
  if (task.ruleName && task.ruleName !== task.title) lines.push(t('why.rule', { name: task.ruleName }));
  if (task.why) lines.push(task.why);
  const v = task.values ?? {};
  if ('daysSinceSeen' in v) lines.push(num(v.daysSinceSeen) === null ? t('why.neverSeen') : t('why.daysSinceSeen', { days: num(v.daysSinceSeen)! }));
  if (num(v.pricingViews) !== null) lines.push(t('why.pricingViews', { count: num(v.pricingViews)! }));
  if (num(v.score) !== null) lines.push(num(v.scoreThen) !== null ? t('why.scoreThen', { score: num(v.score)!, then: num(v.scoreThen)! }) : t('why.score', { score: num(v.score)! }));
  if (Array.isArray(v.unusedFeatures) && v.unusedFeatures.length) lines.push(t('why.unusedFeatures', { features: format.list(v.unusedFeatures.map(String)) }));
  if (typeof v.renewalDate === 'string') lines.push(t('why.renewalDate', { date: format.date(v.renewalDate) }));
  if (num(v.nps) !== null) lines.push(t('why.nps', { nps: format.number(num(v.nps)!) }));
  const a = task.assignedWhy;
  if (a?.pooled) lines.push(t('why.pooled', { open: num(a.openPooledTasks) ?? 0, hours: format.number(num(a.freeHours) ?? 0, { maximumFractionDigits: 1 }) }));
  return lines;
}
