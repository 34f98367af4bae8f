'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextField } from '@/components/action-form';
import { setAccountPulse } from '../health-actions';

/** The CSM's pulse: green, yellow or red with a note (or cleared), saved from the version shown. */
export function PulseForm({ accountId, version, pulse, note }: { accountId: number; version: number; pulse: string | null; note: string | null }) {
  const t = useTranslations('health.pulse');
  const router = useRouter();
  return (
    <ActionForm action={setAccountPulse} successMessage={t('saved')} onSuccess={() => router.refresh()} className="grid gap-2 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        name="pulse"
        label={t('title')}
        defaultValue={pulse ?? ''}
        options={[
          { value: '', label: t('none') },
          { value: 'green', label: t('green') },
          { value: 'yellow', label: t('yellow') },
          { value: 'red', label: t('red') },
        ]}
      />
      <TextField name="note" label={t('note')} placeholder={t('notePlaceholder')} defaultValue={note ?? ''} maxLength={500} />
      <SubmitButton variant="secondary" pendingLabel={t('saving')}>
        {t('save')}
      </SubmitButton>
    </ActionForm>
  );
}
