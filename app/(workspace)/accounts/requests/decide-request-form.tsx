'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, TextField } from '@/components/action-form';
import { decideOverrideRequest } from '../actions';

export function DecideRequestForm({ requestId }: { requestId: number }) {
  const t = useTranslations('accounts');
  return (
    <ActionForm action={decideOverrideRequest} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="requestId" value={requestId} />
      <div className="w-56">
        <TextField name="note" label={t('decisionNote')} />
      </div>
      <SubmitButton name="decision" value="approve">
        {t('approve')}
      </SubmitButton>
      <SubmitButton name="decision" value="reject" variant="secondary">
        {t('reject')}
      </SubmitButton>
    </ActionForm>
  );
}
