'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import { cancelActivity, completeActivity, markNoShow } from '@/app/(workspace)/activities/actions';

/** Complete with an outcome, cancel with a reason, or mark a no-show. */
export function ActivityLogForms({ id, version }: { id: number; version: number }) {
  const t = useTranslations('activities');
  return (
    <details className="mt-2 rounded-md bg-zinc-50 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{t('log')}</summary>
      <div className="mt-3 space-y-4">
        <ActionForm action={completeActivity} className="space-y-2">
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
    </details>
  );
}
