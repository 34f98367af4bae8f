'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SelectField, SubmitButton } from '@/components/action-form';
import { ShareResult, type Shared } from '@/components/content/share-result';
import { shareContent } from '@/app/(workspace)/content/actions';

/** Share a library item with this account: every active contact gets a tracked link. */
export function ShareContentForm({ accountId, items }: { accountId: number; items: { id: number; title: string }[] }) {
  const t = useTranslations('content');
  const [shared, setShared] = useState<Shared | null>(null);
  return (
    <div className="space-y-3">
      <ActionForm<Shared> action={shareContent} onSuccess={setShared} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="accountId" value={accountId} />
        <div className="min-w-64 flex-1">
          <SelectField name="itemId" label={t('shareItem')} hint={t('shareOnAccountHint')} options={items.map((i) => ({ value: String(i.id), label: i.title }))} />
        </div>
        <div className="pb-5">
          <SubmitButton pendingLabel={t('sharing')}>{t('shareWithAccount')}</SubmitButton>
        </div>
      </ActionForm>
      {shared && <ShareResult shared={shared} />}
    </div>
  );
}
