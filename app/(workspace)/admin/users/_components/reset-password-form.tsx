'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, TextField } from '@/components/action-form';
import { resetUserPassword } from '../actions';

export function ResetPasswordForm({ id }: { id: number }) {
  const t = useTranslations('users');
  return (
    <ActionForm action={resetUserPassword} successMessage={t('passwordReset')} resetOnSuccess>
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <TextField name="password" label={t('newPassword')} hint={t('passwordHint')} type="password" autoComplete="new-password" />
        </div>
        <SubmitButton variant="secondary">{t('resetPassword')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
