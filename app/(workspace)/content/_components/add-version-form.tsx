'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { SourceFields } from './source-fields';
import { uploadAction } from './upload-action';

export function AddVersionForm({ itemId }: { itemId: number }) {
  const t = useTranslations('content');
  const router = useRouter();
  return (
    <ActionForm action={uploadAction} successMessage={t('versionAdded')} resetOnSuccess onSuccess={() => router.refresh()} className="space-y-3">
      <input type="hidden" name="intent" value="version" />
      <input type="hidden" name="itemId" value={itemId} />
      <SourceFields withNote />
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t('addingVersion')}>{t('addVersion')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
