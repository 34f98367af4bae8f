'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { cancelActivity, completeActivity, markNoShow, type CompletionResult } from '@/app/(workspace)/activities/actions';
import type { ActionState } from '@/lib/actions/result';
import { useShowNextBooking } from './next-booking';

/** Complete with an outcome (then maybe book the next one), cancel with a reason, or mark a no-show. */
export function ActivityLogForms({ id, version, typeLabel }: { id: number; version: number; typeLabel: string }) {
  const t = useTranslations('activities');
  const showNext = useShowNextBooking();
  return (
    <div className="space-y-4">
      <ActionForm
        // Shown from here, not from onSuccess: the completed activity leaves the list (and this form) in the same update.
        action={async (prev: ActionState<CompletionResult>, data: FormData) => {
          const result = await completeActivity(prev, data);
          if (result.ok) showNext({ ...result.data, typeLabel });
          return result;
        }}
        className="space-y-2"
        confirmLabel={t('completeNow')}
      >
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <TextAreaField name="outcome" label={t('outcome')} rows={2} />
        <TextAreaField name="nextSteps" label={t('nextSteps')} rows={2} />
        <SubmitButton>{t('complete')}</SubmitButton>
      </ActionForm>
      <div className="flex flex-wrap items-end gap-3 border-t border-zinc-200 pt-3">
        <ActionForm action={cancelActivity} className="flex flex-1 flex-wrap items-end gap-2">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <div className="min-w-56 flex-1">
            <TextField name="reason" label={t('cancelReason')} />
          </div>
          <SubmitButton variant="danger">{t('cancel')}</SubmitButton>
        </ActionForm>
        <ActionForm action={markNoShow}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <SubmitButton variant="secondary">{t('noShow')}</SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}
