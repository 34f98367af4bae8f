'use client';

import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/notice';

export type Shared = { batchId: string; emailing: boolean; accounts: number; recipients: number; optedOut: number };

/** What a share did, and how the links reach people: by email, or a mail-merge file. */
export function ShareResult({ shared }: { shared: Shared }) {
  const t = useTranslations('content');
  return (
    <Notice tone="success">
      <span className="block">{t('shared', { accounts: shared.accounts, recipients: shared.recipients })}</span>
      {shared.optedOut > 0 && <span className="block">{t('optedOutNote', { count: shared.optedOut })}</span>}
      {shared.emailing ? (
        <span className="block">{t('emailQueued')}</span>
      ) : (
        <span className="block">
          {t('noSmtp')}{' '}
          <a href={`/content/links/${shared.batchId}`} download className="font-medium underline">
            {t('downloadLinks')}
          </a>
        </span>
      )}
    </Notice>
  );
}
