import { getTranslations } from 'next-intl/server';
import type { DisplayStatus } from '@/lib/calendar/layout';
import { Badge } from '@/components/ui/badge';

// One look per status everywhere in the calendars: planned is the brand
// colour, overdue red, a no-show amber, done and cancelled quiet (cancelled
// struck through), so an overdue meeting stands out in a busy week.

const tones = { planned: 'brand', overdue: 'red', completed: 'neutral', cancelled: 'neutral', no_show: 'amber' } as const;

/** Classes for an activity's block in the week and month grids: a coloured left edge and tint. */
export const blockClass: Record<DisplayStatus, string> = {
  planned: 'border-l-brand-500 bg-brand-50/60',
  overdue: 'border-l-red-500 bg-red-50',
  completed: 'border-l-zinc-300 bg-zinc-50 text-zinc-500',
  cancelled: 'border-l-zinc-300 bg-white text-zinc-400',
  no_show: 'border-l-amber-400 bg-amber-50',
};

export const dotClass: Record<DisplayStatus, string> = {
  planned: 'bg-brand-500',
  overdue: 'bg-red-500',
  completed: 'bg-zinc-300',
  cancelled: 'bg-zinc-300',
  no_show: 'bg-amber-400',
};

export async function StatusBadge({ status }: { status: DisplayStatus }) {
  const t = await getTranslations('activities');
  return <Badge tone={tones[status]}>{status === 'overdue' ? t('overdue') : t(`status.${status}`)}</Badge>;
}
