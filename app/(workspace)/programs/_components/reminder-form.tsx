'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { Notice } from '@/components/ui/notice';
import { sendSessionReminder } from '../reminder-actions';

type Reminded = { queued: number; optedOut: number };

/** "Send reminder now" for an upcoming session: registered invitees not reminded yet get one, by email. */
export function ReminderForm({ sessionId }: { sessionId: number }) {
  const t = useTranslations('programs.reminder');
  const [done, setDone] = useState<Reminded | null>(null);
  return (
    <div className="space-y-3">
      <ActionForm<Reminded> action={sendSessionReminder} onSuccess={setDone} className="flex flex-wrap items-center justify-between gap-3">
        <input type="hidden" name="sessionId" value={sessionId} />
        <p className="min-w-0 flex-1 basis-64 text-sm text-zinc-600">{t('hint')}</p>
        <SubmitButton variant="secondary" pendingLabel={t('sending')}>
          {t('send')}
        </SubmitButton>
      </ActionForm>
      {done && (
        <Notice tone="success">
          {t('done', { queued: done.queued })} {done.optedOut > 0 && t('optedOut', { count: done.optedOut })}
        </Notice>
      )}
    </div>
  );
}
