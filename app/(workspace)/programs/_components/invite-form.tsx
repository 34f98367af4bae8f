'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { AudienceFilter } from '@/components/audience-filter';
import { Notice } from '@/components/ui/notice';
import { inviteToSession, previewInviteAudience } from '../actions';

type Invited = { matched: number; invited: number; optedOut: number; emailing: boolean };

/** Invite the active contacts of an audience of accounts to one session; the count is live and the invite refuses if it changed. */
export function InviteForm({ sessionId, csms }: { sessionId: number; csms: { id: number; name: string }[] | null }) {
  const t = useTranslations('programs.invite');
  const tp = useTranslations('programs.page');
  const [done, setDone] = useState<Invited | null>(null);
  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500">{t('audienceHint')}</p>
      <AudienceFilter idPrefix="invite" csms={csms} preview={previewInviteAudience}>
        {(audience, reach) => (
          <ActionForm<Invited> action={inviteToSession} onSuccess={setDone} className="flex flex-wrap items-center justify-between gap-3">
            <input type="hidden" name="sessionId" value={sessionId} />
            <input type="hidden" name="audience" value={audience} />
            <input type="hidden" name="expected" value={reach?.contacts ?? ''} />
            <p className="text-sm text-zinc-700" aria-live="polite">
              {reach ? t('count', reach) : t('counting')}
            </p>
            {reach && reach.contacts > 0 && <SubmitButton pendingLabel={t('inviting')}>{t('submit', { contacts: reach.contacts })}</SubmitButton>}
          </ActionForm>
        )}
      </AudienceFilter>
      {done && (
        <Notice tone="success">
          {t('done', { invited: done.invited, already: done.matched - done.invited })}{' '}
          {!done.emailing && (
            <>
              {t('noSmtp')}{' '}
              <a href={`/programs/links/${sessionId}`} download className="font-medium underline">
                {tp('downloadLinks')}
              </a>
            </>
          )}
        </Notice>
      )}
    </div>
  );
}
