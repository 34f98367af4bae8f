'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { completeTask, reassignTask, snoozeTask } from '../actions';

/** Complete with a note, snooze until a day, and (managers) give to someone else: each from the version shown. */
export function TaskActions({ taskId, version, tomorrow, users }: { taskId: number; version: number; tomorrow: string; users: { id: number; name: string }[] | null }) {
  const t = useTranslations('tasks');
  const router = useRouter();
  const hidden = (
    <>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
      <ActionForm action={completeTask} successMessage={t('completed')} onSuccess={() => router.refresh()} className="flex items-end gap-2">
        {hidden}
        <div className="min-w-0 flex-1">
          <TextField name="note" label={t('note')} placeholder={t('notePlaceholder')} maxLength={2000} />
        </div>
        <SubmitButton pendingLabel={t('completing')}>{t('complete')}</SubmitButton>
      </ActionForm>
      <ActionForm action={snoozeTask} successMessage={t('snoozed')} onSuccess={() => router.refresh()} className="flex items-end gap-2">
        {hidden}
        <div className="min-w-0 flex-1">
          <TextField name="until" type="date" min={tomorrow} defaultValue={tomorrow} label={t('snooze')} />
        </div>
        <SubmitButton variant="secondary" pendingLabel={t('snoozing')}>
          {t('snoozeSave')}
        </SubmitButton>
      </ActionForm>
      {users && (
        <ActionForm action={reassignTask} successMessage={t('reassigned')} onSuccess={() => router.refresh()} className="flex items-end gap-2">
          {hidden}
          <div className="min-w-0 flex-1">
            <SelectField name="ownerId" label={t('reassign')} options={users.map((u) => ({ value: String(u.id), label: u.name }))} />
          </div>
          <SubmitButton variant="secondary" pendingLabel={t('reassigning')}>
            {t('reassignSave')}
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
