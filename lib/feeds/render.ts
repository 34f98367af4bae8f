import type { IcsActivityRow } from '@/db/queries/feeds';
import { activityEvent, type Translate } from '@/lib/ics/activity-event';
import { writeCalendar } from '@/lib/ics/calendar';
import { activityTypeLabel } from '@/lib/playbooks/type-label';

// Touchplan's activities as an iCalendar file, in the reader's language:
// the same writer serves the subscribed feed and one activity's download.

export const prodId = '-//Touchplan//Touchplan Calendar//EN';

/** An activity type's name as the app shows it, for a translator of every message. */
export function typeLabel(row: Pick<IcsActivityRow, 'typeKey' | 'typeName'>, t: Translate): string {
  return activityTypeLabel({ key: row.typeKey, name: row.typeName }, (key) => t(`playbooks.${key}`));
}

export function renderActivities(
  rows: readonly IcsActivityRow[],
  options: { t: Translate; baseUrl: string; calendarName?: string; timeZone?: string; refreshMinutes?: number },
): string {
  const { t, baseUrl } = options;
  return writeCalendar({
    prodId,
    method: 'PUBLISH',
    name: options.calendarName,
    timeZone: options.timeZone,
    refreshMinutes: options.refreshMinutes,
    events: rows.map((row) => activityEvent({ ...row, typeLabel: typeLabel(row, t) }, { baseUrl, t })),
  });
}
