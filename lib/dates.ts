import { dateIn } from '@/lib/scheduling/zoned';

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dateIn(now, timeZone);
}

/**
 * The day tasks fall due against (overdue, due today, this week): the
 * workspace's today, wherever the reader is, so a task is overdue for
 * everyone at once. The inbox, the home page, the task actions and the
 * bell's due sweep all count with it (as the alert evaluation, which raises
 * tasks on the workspace's days).
 */
export function taskToday(workspace: { timeZone: string }, now = new Date()): string {
  return todayIn(workspace.timeZone, now);
}

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
