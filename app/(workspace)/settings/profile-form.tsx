'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { ComboboxField } from '@/components/combobox-field';
import type { PickerOption } from '@/lib/picker';
import { updateProfile } from './actions';

type Props = {
  profile: { version: number; name: string; locale: string; timeZone: string };
  workspaceTimeZone: string;
  timeZones: PickerOption[];
};

export function ProfileForm({ profile, workspaceTimeZone, timeZones }: Props) {
  const t = useTranslations('settings');
  return (
    <ActionForm action={updateProfile} successMessage={t('saved')}>
      <input type="hidden" name="version" value={profile.version} />
      <TextField name="name" label={t('name')} defaultValue={profile.name} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="locale"
          label={t('language')}
          defaultValue={profile.locale}
          options={[
            { value: '', label: t('languageBrowser') },
            { value: 'en', label: 'English' },
            { value: 'ja', label: '日本語' },
          ]}
        />
        <ComboboxField
          name="timeZone"
          label={t('timeZone')}
          hint={t('timeZoneHint')}
          defaultValue={profile.timeZone}
          options={[{ value: '', label: t('timeZoneWorkspace', { zone: workspaceTimeZone }) }, ...timeZones]}
        />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
