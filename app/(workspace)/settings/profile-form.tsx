'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { updateProfile } from './actions';

type Props = {
  profile: { version: number; name: string; locale: string; timeZone: string };
  workspaceTimeZone: string;
  timeZones: string[];
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
        <SelectField
          name="timeZone"
          label={t('timeZone')}
          defaultValue={profile.timeZone}
          options={[{ value: '', label: t('timeZoneWorkspace', { zone: workspaceTimeZone }) }, ...timeZones.map((z) => ({ value: z, label: z }))]}
        />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
