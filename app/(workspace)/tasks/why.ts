import type { Format } from '@/lib/format';
import type { EpisodeOnTask, InboxTask } from '@/db/queries/tasks';
import { valueWords } from '@/lib/alerts/words';
import type { LooseTranslate } from '@/lib/i18n/loose';

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** Why a task exists, in words: its rule and the signal values that fired it, or what was written; and why it went to its owner. */
export function whyLines(task: Pick<InboxTask, 'title' | 'why' | 'values' | 'ruleName' | 'assignedWhy'>, t: LooseTranslate, format: Format): string[] {
  const lines: string[] = [];
  // A raised task is titled after its rule; say the rule only when the title differs.
  if (task.ruleName && task.ruleName !== task.title) lines.push(t('why.rule', { name: task.ruleName }));
  if (task.why) lines.push(task.why);
  lines.push(...valueWords(task.values ?? {}, (key, v) => t(`why.${key}`, v), format));
  const a = task.assignedWhy;
  if (a?.pooled) lines.push(t('why.pooled', { open: num(a.openPooledTasks) ?? 0, hours: format.number(num(a.freeHours) ?? 0, { maximumFractionDigits: 1 }) }));
  return lines;
}

/** What was decided about the alert behind a task: dismissed (with its reason), or snoozed until a day (with its reason, if one was given); null when nothing was. */
export function episodeLine(e: EpisodeOnTask, t: LooseTranslate, format: Format): string | null {
  if (e.dismissedOn) return t('episodeDismissed', { date: format.date(e.dismissedOn), reason: e.dismissReason ?? '' });
  if (e.snoozedUntil) return e.snoozeReason ? t('episodeSnoozed', { date: format.date(e.snoozedUntil), reason: e.snoozeReason }) : t('episodeSnoozedNoReason', { date: format.date(e.snoozedUntil) });
  return null;
}
