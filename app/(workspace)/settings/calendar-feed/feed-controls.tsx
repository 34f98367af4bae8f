'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { createCalendarFeed, revokeCalendarFeed } from './actions';

type Props = {
  feed: { created: string; lastUsed: string | null } | null;
};

/** Create, replace or turn off the feed; a new address is shown here once, with a copy button. */
export function FeedControls({ feed }: Props) {
  const t = useTranslations('feeds.address');
  // What just happened, kept here so the notice survives the page refreshing around it.
  const [event, setEvent] = useState<{ kind: 'created'; url: string } | { kind: 'revoked' } | null>(null);
  return (
    <div className="space-y-4">
      {event?.kind === 'created' && <NewAddress url={event.url} />}
      {event?.kind === 'revoked' && !feed && <Notice tone="success">{t('revoked')}</Notice>}
      <div className="text-sm text-zinc-700">
        {feed ? (
          <p>{t('active', { created: feed.created, usage: feed.lastUsed ? t('lastUsed', { when: feed.lastUsed }) : t('neverUsed') })}</p>
        ) : (
          <p>{t('none')}</p>
        )}
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <ActionForm action={createCalendarFeed} onSuccess={(data) => setEvent({ kind: 'created', url: data.url })} confirmLabel={t('replaceConfirm')} className="space-y-3">
          <SubmitButton variant={feed ? 'secondary' : 'primary'} pendingLabel={t('creating')}>
            {feed ? t('replace') : t('create')}
          </SubmitButton>
        </ActionForm>
        {/* Mounted even without a feed: its success arrives with the refreshed page that has none. */}
        <ActionForm action={revokeCalendarFeed} onSuccess={() => setEvent({ kind: 'revoked' })} className="space-y-3">
          {feed && (
            <SubmitButton variant="danger" pendingLabel={t('revoking')}>
              {t('revoke')}
            </SubmitButton>
          )}
        </ActionForm>
      </div>
    </div>
  );
}

function NewAddress({ url }: { url: string }) {
  const t = useTranslations('feeds.address');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function onCopy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard access (an http page, a refusing browser): select it for the user.
      input.current?.select();
      setCopy('failed');
    }
  }
  return (
    <div className="space-y-2 rounded-md bg-emerald-50 p-3 ring-1 ring-inset ring-emerald-200">
      <p role="status" className="text-sm text-emerald-900">
        {t('created')}
      </p>
      <label htmlFor={id} className="block text-xs font-medium text-emerald-900">
        {t('urlLabel')}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input ref={input} id={id} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" spellCheck={false} />
        <Button variant="secondary" onClick={onCopy} className="shrink-0">
          {copy === 'copied' ? t('copied') : t('copy')}
        </Button>
      </div>
      {copy === 'failed' && <p className="text-xs text-emerald-900">{t('copyFailed')}</p>}
    </div>
  );
}
