import { getTranslations } from 'next-intl/server';
import type { CalendarItem } from '@/db/queries/calendar';
import { displayStatus, type DisplayStatus } from '@/lib/calendar/layout';
import { activityTypeLabel } from '@/lib/playbooks/type-label';

/** An activity as the calendars show it: its type named in the user's language, its status as of now. */
export type ShownActivity = Omit<CalendarItem, 'status'> & { typeLabel: string; status: DisplayStatus; dayTotal?: number };

export async function toShown<T extends CalendarItem & { dayTotal?: number }>(items: readonly T[], now: Date): Promise<ShownActivity[]> {
  const tp = await getTranslations('playbooks');
  return items.map((a) => ({
    ...a,
    typeLabel: activityTypeLabel({ key: a.typeKey, name: a.typeName }, tp),
    status: displayStatus(a, now),
  }));
}

