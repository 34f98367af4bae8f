'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/action-form';
import type { PickerOption } from '@/lib/picker';
import { addProgramSession } from '../actions';
import { SessionFields } from './session-fields';

export function AddSessionForm({ programId, timeZones, defaultTimeZone }: { programId: number; timeZones: PickerOption[]; defaultTimeZone: string }) {
  const t = useTranslations('programs.form');
  return (
    <ActionForm action={addProgramSession} successMessage={t('added')} resetOnSuccess className="space-y-3">
      <input type="hidden" name="programId" value={programId} />
      <SessionFields timeZones={timeZones} defaultTimeZone={defaultTimeZone} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('adding')}>{t('addSession')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
