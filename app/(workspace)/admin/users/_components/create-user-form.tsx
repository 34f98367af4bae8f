'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { createUser } from '../actions';
import { roleOptions } from './role-options';

export function CreateUserForm() {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  const router = useRouter();
  return (
    <ActionForm action={createUser} onSuccess={(data) => router.push(`/admin/users/${data.id}?created=1`)}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} autoComplete="off" required />
        <TextField name="email" label={t('email')} type="email" autoComplete="off" required />
        <SelectField name="role" label={t('role')} options={roleOptions(tRoles)} defaultValue="csm" />
        <TextField
          name="capacityHours"
          label={t('capacity')}
          hint={t('capacityHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={744}
          defaultValue={110}
        />
      </div>
      <TextField name="password" label={t('initialPassword')} hint={t('passwordHint')} type="password" autoComplete="new-password" required />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
