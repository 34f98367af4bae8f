'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { ActivityLogForms } from './activity-log-forms';
import { RescheduleForm, type ReschedulableActivity } from './reschedule-form';
import { CancelSeriesForm, SeriesEditForm, type EditableSeries } from './series-forms';

type Panel = 'reschedule' | 'series' | 'log' | 'cancelRest';

/** A row of toggles, each opening its form below; one open at a time. */
function Toggles({
  items,
  open,
  setOpen,
  panelId,
  compact,
}: {
  items: { panel: Panel; label: string }[];
  open: Panel | null;
  setOpen: (p: Panel | null) => void;
  panelId: string;
  compact?: boolean;
}) {
  return (
    <div className={cn('flex flex-wrap gap-y-1', compact ? 'gap-x-3 text-xs' : 'gap-x-4 text-sm')}>
      {items.map(({ panel, label }) => (
        <button
          key={panel}
          type="button"
          aria-expanded={open === panel}
          aria-controls={panelId}
          onClick={() => setOpen(open === panel ? null : panel)}
          className={cn('text-left font-medium text-brand-700 hover:underline', open === panel && 'underline')}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function PanelBox({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="mt-2 rounded-md bg-zinc-50 px-3 py-3 text-sm">
      {children}
    </div>
  );
}

/** What can be done to one planned activity: reschedule (or edit this occurrence), edit its series, log it. */
export function ActivityActions({
  activity,
  typeLabel,
  series,
  viewerZone,
  compact,
}: {
  activity: ReschedulableActivity;
  typeLabel: string;
  series: EditableSeries | null;
  viewerZone: string;
  /** Smaller links, for the occurrences listed under their series. */
  compact?: boolean;
}) {
  const t = useTranslations('series');
  const ta = useTranslations('activities');
  const [open, setOpen] = useState<Panel | null>(null);
  const panelId = useId();
  const close = () => setOpen(null);
  const items: { panel: Panel; label: string }[] = [
    { panel: 'reschedule', label: activity.inSeries ? t('editOccurrence') : t('reschedule') },
    ...(series ? [{ panel: 'series' as const, label: t('editSeries') }] : []),
    { panel: 'log', label: ta('log') },
  ];
  return (
    <div className={compact ? 'mt-0.5' : 'mt-1.5'}>
      <Toggles items={items} open={open} setOpen={setOpen} panelId={panelId} compact={compact} />
      {open && (
        <PanelBox id={panelId}>
          {open === 'reschedule' && <RescheduleForm activity={activity} viewerZone={viewerZone} onDone={close} />}
          {open === 'series' && series && <SeriesEditForm series={series} viewerZone={viewerZone} onDone={close} />}
          {open === 'log' && <ActivityLogForms id={activity.id} version={activity.version} typeLabel={typeLabel} />}
        </PanelBox>
      )}
    </div>
  );
}

/** The series' own actions: edit all of it, or cancel what is left. */
export function SeriesActions({ series, viewerZone }: { series: EditableSeries; viewerZone: string }) {
  const t = useTranslations('series');
  const [open, setOpen] = useState<Panel | null>(null);
  const panelId = useId();
  const close = () => setOpen(null);
  return (
    <div className="mt-1.5">
      <Toggles
        items={[
          { panel: 'series', label: t('editSeries') },
          { panel: 'cancelRest', label: t('cancelRest') },
        ]}
        open={open}
        setOpen={setOpen}
        panelId={panelId}
      />
      {open && (
        <PanelBox id={panelId}>
          {open === 'series' && <SeriesEditForm series={series} viewerZone={viewerZone} onDone={close} />}
          {open === 'cancelRest' && <CancelSeriesForm id={series.id} version={series.version} onDone={close} />}
        </PanelBox>
      )}
    </div>
  );
}
