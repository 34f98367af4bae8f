import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { DbOrTx } from '@/db/client';
import { listActivityTypes } from '@/db/queries/playbooks';
import { activityTypeLabel } from '@/lib/playbooks/type-label';
import { wallClock } from '@/lib/scheduling/zoned';
import { defaultTouchType } from '@/lib/tasks/touch-type';
import type { TouchDefaults } from '@/components/tasks/task-actions';

/** What the complete form offers for logging a touch: the active high-touch types (a call first if there is one), now in the user's zone. */
export async function touchDefaults(db: DbOrTx, timeZone: string): Promise<TouchDefaults> {
  const [types, tp] = await Promise.all([listActivityTypes(db), getTranslations('playbooks')]);
  const high = types.filter((ty) => ty.active && ty.touchModel === 'high').map((ty) => ({ ...ty, label: activityTypeLabel(ty, tp) }));
  const now = wallClock(new Date(), timeZone);
  return { types: high.map((ty) => ({ id: ty.id, label: ty.label })), typeId: defaultTouchType(high), date: now.date, time: now.time };
}
