'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { rescheduleActivity } from '@/app/(workspace)/activities/actions';
import { SponsorField } from './account-contacts';

export type ReschedulableActivity = {
  id: number;
  version: number;
  /** Date and time on the wall clock of the zone it was planned in, which the form edits. */
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: number;
  location: string | null;
  agenda: string | null;
  executiveSponsor: string | null;
  /** The type asks for the customer's executive sponsor (a QBR). */
  needsSponsor: boolean;
  inSeries: boolean;
};

/**
 * Moves one planned activity (or one occurrence of a series, which then
 * leaves the series' edits) and changes its place and agenda.
 */
export function RescheduleForm({ activity, viewerZone, onDone }: { activity: ReschedulableActivity; viewerZone: string; onDone: () => void }) {
  const t = useTranslations('series');
  const ta = useTranslations('activities');
  return (
    <ActionForm action={rescheduleActivity} confirmLabel={t('saveAnyway')} onSuccess={onDone} className="space-y-3">
      <input type="hidden" name="id" value={activity.id} />
      <input type="hidden" name="version" value={activity.version} />
      {activity.inSeries && <p className="text-xs text-zinc-600">{t('occurrenceHint')}</p>}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="date" label={ta('date')} type="date" defaultValue={activity.date} />
        <TextField
          name="time"
          label={ta('time')}
          type="time"
          defaultValue={activity.time}
          hint={activity.timeZone !== viewerZone ? t('zoneHint', { zone: activity.timeZone }) : undefined}
        />
        <TextField name="durationMinutes" label={ta('duration')} inputMode="numeric" defaultValue={String(activity.durationMinutes)} />
      </div>
      <TextField name="location" label={ta('location')} defaultValue={activity.location ?? ''} />
      {(activity.needsSponsor || activity.executiveSponsor) && (
        <SponsorField label={activity.needsSponsor ? ta('sponsorLabelRequired') : ta('sponsor')} defaultValue={activity.executiveSponsor ?? ''} />
      )}
      <TextAreaField name="agenda" label={ta('agenda')} rows={2} defaultValue={activity.agenda ?? ''} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton>{activity.inSeries ? t('saveOccurrence') : t('saveReschedule')}</SubmitButton>
        <Button variant="ghost" onClick={onDone}>
          {t('close')}
        </Button>
      </div>
    </ActionForm>
  );
}
