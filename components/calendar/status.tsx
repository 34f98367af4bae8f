import { getTranslations } from 'next-intl/server';
import type { DisplayStatus } from '@/lib/calendar/layout';
import { Badge } from '@/components/ui/badge';

// One look per status everywhere in the calendars: planned is the brand
// colour, overdue red, a no-show amber, done and cancelled quiet (cancelled
// struck through), so an overdue meeting stands out in a busy week. The
// week grid's blocks take theirs from app/globals.css (.cal-card-<status>).

const tones = { planned: 'brand', overdue: 'red', completed: 'neutral', cancelled: 'neutral', no_show: 'amber' } as const;

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
