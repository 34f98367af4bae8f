'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton, TextField } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { decideOverrideRequest } from '../actions';

/**
 * Approve or reject, each after a second click that says what it will do;
 * the decided request then moves to the decisions below.
 */
export function DecideRequestForm({ requestId, accountName, tier }: { requestId: number; accountName: string; tier: number }) {
  const t = useTranslations('accounts');
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  return (
    <ActionForm action={decideOverrideRequest} className="flex flex-wrap items-end gap-2 border-t border-zinc-100 pt-3">
      <input type="hidden" name="requestId" value={requestId} />
      <div className="w-full sm:w-64">
        <TextField name="note" label={t('decisionNote')} />
      </div>
      {decision ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('confirmDecision')}>
          <span className="text-sm text-zinc-700">{decision === 'approve' ? t('confirmApprove', { name: accountName, tier }) : t('confirmReject', { name: accountName })}</span>
          <SubmitButton name="decision" value={decision} variant={decision === 'approve' ? 'primary' : 'danger'}>
            {decision === 'approve' ? t('approveConfirm') : t('rejectConfirm')}
          </SubmitButton>
          <Button variant="ghost" onClick={() => setDecision(null)}>
            {t('back')}
          </Button>
        </div>
      ) : (
        <>
          <Button onClick={() => setDecision('approve')}>{t('approve')}</Button>
          <Button variant="secondary" onClick={() => setDecision('reject')}>
            {t('reject')}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
