'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { AudienceFilter } from '@/components/audience-filter';
import { ShareResult, type Shared } from '@/components/content/share-result';
import { previewAudience, shareContent } from '../actions';

/**
 * Share the current version with an audience, chosen with the account
 * list's filters; the count beside it is live, and the share refuses if the
 * audience changed from the count the user saw.
 */
export function ShareForm({ itemId, csms }: { itemId: number; csms: { id: number; name: string }[] | null }) {
  const t = useTranslations('content');
  const [shared, setShared] = useState<Shared | null>(null);
  return (
    <div className="space-y-3">
      <AudienceFilter idPrefix="share" csms={csms} preview={previewAudience}>
        {(audience, reach) => (
          <ActionForm<Shared> action={shareContent} onSuccess={setShared} className="flex flex-wrap items-center justify-between gap-3">
            <input type="hidden" name="itemId" value={itemId} />
            <input type="hidden" name="audience" value={audience} />
            <input type="hidden" name="expected" value={reach?.accounts ?? ''} />
            <p className="text-sm text-zinc-700" aria-live="polite">
              {reach ? t('reach', reach) : t('counting')}
            </p>
            {reach && reach.accounts > 0 && <SubmitButton pendingLabel={t('sharing')}>{t('shareButton', { count: reach.accounts })}</SubmitButton>}
          </ActionForm>
        )}
      </AudienceFilter>
      {shared && <ShareResult shared={shared} />}
    </div>
  );
}
