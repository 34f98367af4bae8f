'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { scheduleActivity } from '@/app/(workspace)/activities/actions';

type Props = {
  accountId: number;
  types: { id: number; label: string; inPlaybook: boolean; needsSponsor: boolean }[];
  csms: { id: number; name: string }[] | null;
  defaultOwnerId: number | null;
  today: string;
};

/** "name, role" per line → attendees. */
function parseAttendees(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...role] = line.split(/[,、]/);
      return { name: name.trim(), role: role.join(',').trim() };
    });
}

export function ScheduleForm({ accountId, types, csms, defaultOwnerId, today }: Props) {
  const t = useTranslations('activities');
  const [typeId, setTypeId] = useState(String(types.find((ty) => ty.inPlaybook)?.id ?? types[0]?.id ?? ''));
  const [attendees, setAttendees] = useState('');
  const needsSponsor = types.find((ty) => String(ty.id) === typeId)?.needsSponsor ?? false;
  return (
    <ActionForm action={scheduleActivity} successMessage={t('scheduled')} resetOnSuccess confirmLabel={t('scheduleAnyway')}>
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
        <TextField name="date" label={t('date')} type="date" defaultValue={today} />
        <TextField name="time" label={t('time')} type="time" defaultValue="10:00" />
        <TextField name="durationMinutes" label={t('duration')} inputMode="numeric" defaultValue="60" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="location" label={t('location')} hint={t('locationHint')} />
        <TextField name="executiveSponsor" label={needsSponsor ? t('sponsorLabelRequired') : t('sponsor')} />
      </div>
      {csms && (
        <SelectField
          name="ownerId"
          label={t('owner')}
          defaultValue={defaultOwnerId ? String(defaultOwnerId) : ''}
          options={[{ value: '', label: t('accountOwner') }, ...csms.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
      )}
      <div className="space-y-1">
        <label htmlFor="attendees" className="block text-sm font-medium text-zinc-800">
          {t('attendees')}
        </label>
        <textarea
          id="attendees"
          rows={2}
          value={attendees}
          onChange={(e) => setAttendees(e.target.value)}
          placeholder={t('attendeesPlaceholder')}
          className="block w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-brand-500 focus:outline-none"
        />
      </div>
      <TextAreaField name="agenda" label={t('agenda')} rows={2} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('scheduling')}>{t('schedule')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
