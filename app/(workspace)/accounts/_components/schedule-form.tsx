'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, Field, SelectField, SubmitButton, TextAreaField, TextField, useNestedFieldError } from '@/components/action-form';
import { controlClass } from '@/components/ui/input';
import { scheduleActivity } from '@/app/(workspace)/activities/actions';
import { scheduleSeries } from '@/app/(workspace)/activities/series-actions';
import { defaultUntil, ruleDefaults } from '@/lib/activities/series';
import { isIsoDate } from '@/lib/dates';
import { ContactQuickAdd, SponsorField } from './account-contacts';
import { AttendeePicker } from './attendee-picker';
import { RepeatFields, repeatValueFor, type RepeatValue } from './repeat-fields';

export type ScheduleFormProps = {
  accountId: number;
  types: { id: number; label: string; inPlaybook: boolean; needsSponsor: boolean }[];
  csms: { id: number; name: string }[] | null;
  defaultOwnerId: number | null;
  today: string;
  /** Active users who can join; the one running it is left out. */
  colleagues: { id: number; name: string }[];
  /** The signed-in user: a CSM always runs what they book. */
  self: { id: number; choosesOwner: boolean };
};

/** Attendees → "name, role" per line, as the attendees field shows them. */
export const formatAttendees = (list: readonly { name: string; role?: string }[]) => list.map((c) => (c.role ? `${c.name}, ${c.role}` : c.name)).join('\n');

/** "name, role" per line → attendees. */
export function parseAttendees(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...role] = line.split(/[,、]/);
      return { name: name.trim(), role: role.join(',').trim() };
    });
}

const repeatFor = (date: string, keep?: RepeatValue) => {
  const fresh = repeatValueFor(ruleDefaults(date), defaultUntil(date));
  return keep ? { ...fresh, repeat: keep.repeat, interval: keep.interval, onClosedDay: keep.onClosedDay } : fresh;
};

export function ScheduleForm({ accountId, types, csms, defaultOwnerId, today, colleagues, self }: ScheduleFormProps) {
  const t = useTranslations('activities');
  const ts = useTranslations('series');
  const [typeId, setTypeId] = useState(String(types.find((ty) => ty.inPlaybook)?.id ?? types[0]?.id ?? ''));
  const [attendees, setAttendees] = useState('');
  const [date, setDate] = useState(today);
  const [ownerId, setOwnerId] = useState(defaultOwnerId ? String(defaultOwnerId) : '');
  const [internal, setInternal] = useState<number[]>([]);
  const [repeat, setRepeat] = useState<RepeatValue>(() => repeatFor(today));
  const [untilTouched, setUntilTouched] = useState(false);
  const [booked, setBooked] = useState<number | null>(null);
  const needsSponsor = types.find((ty) => String(ty.id) === typeId)?.needsSponsor ?? false;
  const isSeries = repeat.repeat !== 'none';
  const runner = !self.choosesOwner ? self.id : ownerId ? Number(ownerId) : defaultOwnerId;

  const changeDate = (next: string) => {
    setDate(next);
    // The weekday, day and "second Tuesday" follow the start date; the end date too until the user sets it.
    if (isIsoDate(next)) setRepeat((r) => ({ ...repeatFor(next, r), until: untilTouched ? r.until : defaultUntil(next) }));
  };
  const reset = () => {
    setAttendees('');
    setInternal([]);
    setDate(today);
    setRepeat(repeatFor(today));
    setUntilTouched(false);
  };

  return (
    <ActionForm<{ id: number } | { seriesId: number; count: number }>
      action={isSeries ? scheduleSeries : scheduleActivity}
      successMessage={booked === null ? t('scheduled') : ts('seriesScheduled', { count: booked })}
      onSuccess={(data) => {
        setBooked('count' in data ? data.count : null);
        reset();
      }}
      resetOnSuccess
      confirmLabel={t('scheduleAnyway')}
    >
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="customerAttendees" value={JSON.stringify(parseAttendees(attendees))} />
      <div className="grid gap-3 sm:grid-cols-4">
        <SelectField
          name="activityTypeId"
          label={t('type')}
          value={typeId}
          onChange={(e) => setTypeId(e.target.value)}
          options={types.map((ty) => ({ value: String(ty.id), label: ty.inPlaybook ? `${ty.label} ★` : ty.label }))}
          hint={t('playbookMark')}
        />
        <TextField name="date" label={isSeries ? ts('firstDate') : t('date')} type="date" value={date} onChange={(e) => changeDate(e.target.value)} />
        <TextField name="time" label={t('time')} type="time" defaultValue="10:00" />
        <TextField name="durationMinutes" label={t('duration')} inputMode="numeric" defaultValue="60" />
      </div>
      <RepeatFields
        value={repeat}
        onChange={(next) => {
          if (next.until !== repeat.until) setUntilTouched(true);
          setRepeat(next);
        }}
        start={date}
        today={today}
        allowNone
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="location" label={t('location')} hint={t('locationHint')} />
        <SponsorField label={needsSponsor ? t('sponsorLabelRequired') : t('sponsor')} />
      </div>
      {csms && (
        <SelectField
          name="ownerId"
          label={t('owner')}
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          options={[{ value: '', label: t('accountOwner') }, ...csms.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <AttendeesField label={t('attendees')} placeholder={t('attendeesPlaceholder')} value={attendees} onChange={setAttendees} />
        <AttendeePicker colleagues={colleagues} excludeId={runner} value={internal} onChange={setInternal} />
      </div>
      <TextAreaField name="agenda" label={t('agenda')} rows={2} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('scheduling')}>{isSeries ? ts('scheduleSeries') : t('schedule')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Customer attendees as typed ("name, role" per line); the form sends them parsed, so an error on any one shows here. */
export function AttendeesField({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (v: string) => void }) {
  // Sent as one JSON value, so an error on any attendee (`customerAttendees.2.name`) shows here.
  const error = useNestedFieldError('customerAttendees');
  return (
    <Field name="customerAttendees" label={label} error={error}>
      {(control) => (
        <>
          <textarea {...control} name={undefined} rows={2} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} className={controlClass} />
          <ContactQuickAdd value={value} onChange={onChange} />
        </>
      )}
    </Field>
  );
}
