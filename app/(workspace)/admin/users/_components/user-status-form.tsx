'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { setUserActive } from '../actions';

export function UserStatusForm({ id, version, active, isSelf }: { id: number; version: number; active: boolean; isSelf: boolean }) {
  const t = useTranslations('users');
  return (
    <ActionForm action={setUserActive} className="flex flex-wrap items-center justify-between gap-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <p className="text-sm text-zinc-600">{active ? (isSelf ? t('activeSelf') : t('activeNow')) : t('inactiveNow')}</p>
      <SubmitButton variant={active ? 'danger' : 'secondary'}>{active ? t('deactivate') : t('reactivate')}</SubmitButton>
    </ActionForm>
  );
}
