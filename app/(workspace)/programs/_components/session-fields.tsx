'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/action-form';
import { ComboboxField } from '@/components/combobox-field';
import type { PickerOption } from '@/lib/picker';

/** When and where one session happens: shared by the new-program and add-session forms. */
export function SessionFields({ timeZones, defaultTimeZone }: { timeZones: PickerOption[]; defaultTimeZone: string }) {
  const t = useTranslations('programs.form');
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="date" type="date" label={t('date')} />
        <TextField name="time" type="time" label={t('time')} />
        <ComboboxField name="timeZone" label={t('timeZone')} defaultValue={defaultTimeZone} options={timeZones} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="onlineUrl" type="url" label={t('onlineUrl')} hint={t('linkOrVenueHint')} autoComplete="off" />
        <TextField name="venue" label={t('venue')} autoComplete="off" />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="durationMinutes" inputMode="numeric" label={t('duration')} defaultValue="60" />
        <TextField name="capacity" inputMode="numeric" label={t('capacity')} hint={t('capacityHint')} />
        <TextField name="preparationHours" inputMode="decimal" label={t('preparationHours')} defaultValue="0" />
      </div>
    </>
  );
}
