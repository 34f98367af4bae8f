'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import type { Role } from '@/lib/auth/roles';
import { updateUserDetails } from '../actions';
import { roleOptions } from './role-options';

type Props = { user: { id: number; version: number; name: string; role: Role; capacityHours: number } };

export function UserDetailsForm({ user }: Props) {
  const t = useTranslations('users');
  const tRoles = useTranslations('roles');
  return (
    <ActionForm action={updateUserDetails} successMessage={t('saved')}>
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="name" label={t('name')} defaultValue={user.name} required />
        <SelectField name="role" label={t('role')} options={roleOptions(tRoles)} defaultValue={user.role} />
        <TextField
          name="capacityHours"
          label={t('capacity')}
          hint={t('capacityHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={744}
          defaultValue={user.capacityHours}
        />
      </div>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
