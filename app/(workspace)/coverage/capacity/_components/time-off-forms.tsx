'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { addTimeOff, removeTimeOff } from '../actions';

/** Add time off: managers choose whose; a CSM records their own. A failed save keeps what was typed. */
export function AddTimeOffForm({ people, selfId, defaultDate }: { people: { id: number; name: string }[] | null; selfId: number; defaultDate: string }) {
  const t = useTranslations('capacity.timeOff');
  return (
    <ActionForm action={addTimeOff} successMessage={t('added')} resetOnSuccess className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,2fr)_auto] lg:items-end">
      {people ? (
        <SelectField name="userId" label={t('person')} defaultValue={String(selfId)} options={people.map((p) => ({ value: String(p.id), label: p.name }))} />
      ) : (
        <input type="hidden" name="userId" value={selfId} />
      )}
      <TextField name="fromDate" label={t('from')} type="date" defaultValue={defaultDate} required />
      <TextField name="toDate" label={t('to')} type="date" defaultValue={defaultDate} required />
      <TextField name="hoursPerDay" label={t('hoursPerDay')} type="number" inputMode="decimal" min={0.5} max={24} step={0.5} defaultValue="8" required />
      <TextField name="note" label={t('note')} maxLength={200} placeholder={t('notePlaceholder')} />
      <div>
        <SubmitButton pendingLabel={t('adding')}>{t('add')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RemoveTimeOffButton({ id, label }: { id: number; label: string }) {
  const t = useTranslations('capacity.timeOff');
  return (
    <ActionForm action={removeTimeOff} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" aria-label={label} className="text-sm text-red-700 hover:underline">
        {t('remove')}
      </button>
    </ActionForm>
  );
}
