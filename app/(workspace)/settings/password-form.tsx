'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, TextField } from '@/components/action-form';
import { changePassword } from './actions';

export function PasswordForm() {
  const t = useTranslations('settings');
  return (
    <ActionForm action={changePassword} successMessage={t('passwordChanged')} resetOnSuccess>
      <TextField name="currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="password" label={t('newPassword')} hint={t('passwordHint')} type="password" autoComplete="new-password" />
        <TextField name="confirmPassword" label={t('confirmPassword')} type="password" autoComplete="new-password" />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('saving')}>{t('changePassword')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
