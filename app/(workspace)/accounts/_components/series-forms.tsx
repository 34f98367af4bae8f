'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { cancelSeriesRest, editSeries } from '@/app/(workspace)/activities/series-actions';
import { ruleDefaults, type Nth } from '@/lib/activities/series';
import type { Recurrence } from '@/lib/scheduling/recurrence';
import type { ClosedDayChoice } from '@/lib/vocabulary';
import { AttendeePicker } from './attendee-picker';
import { RepeatFields, type RepeatValue } from './repeat-fields';
import { SponsorField } from './account-contacts';
import { AttendeesField, formatAttendees, parseAttendees } from './schedule-form';

export type EditableSeries = {
  id: number;
  version: number;
  rule: Recurrence;
  startDate: string;
  untilDate: string;
  time: string;
  timeZone: string;
  onClosedDay: ClosedDayChoice;
  durationMinutes: number;
  location: string | null;
  agenda: string | null;
  executiveSponsor: string | null;
  /** The type asks for the customer's executive sponsor (a QBR). */
  needsSponsor: boolean;
  customerAttendees: { name: string; role?: string }[];
  internalAttendees: number[];
  ownerId: number;
  /** Who can join: every active user. */
  colleagues: { id: number; name: string }[];
  /** Today in the series' zone: the preview shows what is still ahead. */
  today: string;
};

function repeatValue(s: EditableSeries): RepeatValue {
  const d = ruleDefaults(s.startDate);
  const r = s.rule;
  return {
    repeat: r.freq,
    interval: String(r.interval),
    weekday: r.freq === 'monthly' ? d.weekday : r.weekday,
    monthDay: String(r.freq === 'monthly' ? r.day : d.day),
    nth: (r.freq === 'monthlyNth' ? r.nth : d.nth) as Nth,
    until: s.untilDate,
    onClosedDay: s.onClosedDay,
  };
}

/**
 * Changes the whole series. Future planned occurrences follow; past,
 * logged, cancelled and individually edited ones stay as they are.
 */
export function SeriesEditForm({ series, viewerZone, onDone }: { series: EditableSeries; viewerZone: string; onDone: () => void }) {
  const t = useTranslations('series');
  const ta = useTranslations('activities');
  const [repeat, setRepeat] = useState(() => repeatValue(series));
  const [attendees, setAttendees] = useState(() => formatAttendees(series.customerAttendees));
  const [internal, setInternal] = useState(series.internalAttendees);
  return (
    <ActionForm action={editSeries} confirmLabel={t('saveAnyway')} onSuccess={onDone} className="space-y-3">
      <input type="hidden" name="id" value={series.id} />
      <input type="hidden" name="version" value={series.version} />
      <p className="text-xs text-zinc-600">{t('seriesHint')}</p>
      <RepeatFields value={repeat} onChange={setRepeat} start={series.startDate} today={series.today} from={series.today} />
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField
          name="time"
          label={ta('time')}
          type="time"
          defaultValue={series.time}
          hint={series.timeZone !== viewerZone ? t('zoneHint', { zone: series.timeZone }) : undefined}
        />
        <TextField name="durationMinutes" label={ta('duration')} inputMode="numeric" defaultValue={String(series.durationMinutes)} />
        <div className="sm:col-span-2">
          <TextField name="location" label={ta('location')} defaultValue={series.location ?? ''} />
        </div>
      </div>
      {(series.needsSponsor || series.executiveSponsor) && (
        <SponsorField label={series.needsSponsor ? ta('sponsorLabelRequired') : ta('sponsor')} defaultValue={series.executiveSponsor ?? ''} />
      )}
      <input type="hidden" name="customerAttendees" value={JSON.stringify(parseAttendees(attendees))} />
      <div className="grid gap-3 sm:grid-cols-2">
        <AttendeesField label={ta('attendees')} placeholder={ta('attendeesPlaceholder')} value={attendees} onChange={setAttendees} />
        <AttendeePicker colleagues={series.colleagues} excludeId={series.ownerId} value={internal} onChange={setInternal} />
      </div>
      <TextAreaField name="agenda" label={ta('agenda')} rows={2} defaultValue={series.agenda ?? ''} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton>{t('saveSeries')}</SubmitButton>
        <Button variant="ghost" onClick={onDone}>
          {t('close')}
        </Button>
      </div>
    </ActionForm>
  );
}

/** Cancels every planned occurrence still ahead, with a reason. */
export function CancelSeriesForm({ id, version, onDone }: { id: number; version: number; onDone: () => void }) {
  const t = useTranslations('series');
  return (
    <ActionForm action={cancelSeriesRest} onSuccess={onDone} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="min-w-56 flex-1">
        <TextField name="reason" label={t('cancelRestReason')} hint={t('cancelRestHint')} />
      </div>
      <SubmitButton variant="danger">{t('cancelRest')}</SubmitButton>
      <Button variant="ghost" onClick={onDone}>
        {t('close')}
      </Button>
    </ActionForm>
  );
}
