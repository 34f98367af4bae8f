'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useMessage } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import type { ActionResult } from '@/lib/actions/result';
import { rotateAlertWebhookSecret, saveAlertWebhook, testAlertWebhook } from '../actions';

export type Channels = { smtp: boolean; url: string | null; secret: string | null; version: number };

/** Where tech touches go: the server's SMTP (read only) and the signed webhook for in-app nudges, with a test send. */
export function ChannelsPanel({ channels }: { channels: Channels }) {
  const t = useTranslations('alerts.channels');
  const message = useMessage();
  const router = useRouter();
  const [url, setUrl] = useState(channels.url ?? '');
  const [shown, setShown] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'rotate' | 'test' | null>(null);
  const [, startTransition] = useTransition();

  function run<R>(which: 'save' | 'rotate' | 'test', call: () => Promise<ActionResult<R>>, ok: (data: R) => string, refresh = true) {
    setBusy(which);
    setResult(null);
    startTransition(async () => {
      const res = await call();
      setBusy(null);
      if (res.ok) {
        setUrlError(null);
        setResult({ tone: 'success', text: ok(res.data as R) });
        if (refresh) router.refresh();
        return;
      }
      const field = res.fieldErrors?.url;
      setUrlError(field ? message(field) : null);
      setResult(field ? null : { tone: 'error', text: message(res.error ?? Object.values(res.fieldErrors ?? {})[0] ?? { key: 'errors.unexpected' }) });
    });
  }

  const saved = channels.url !== null && url.trim() === channels.url;
  return (
    <Card title={t('title')}>
      <div className="grid gap-6 md:grid-cols-[1fr_2fr]">
        <div className="space-y-1 text-sm">
          <p className="font-medium text-zinc-900">{t('email')}</p>
          <p className={channels.smtp ? 'text-zinc-600' : 'text-amber-800'}>{channels.smtp ? t('emailReady') : t('emailMissing')}</p>
        </div>
        <div className="space-y-3 text-sm">
          <div>
            <p className="font-medium text-zinc-900">{t('webhook')}</p>
            <p className="mt-1 max-w-2xl text-xs text-zinc-500">{t('webhookHint')}</p>
          </div>
          {result && <Notice tone={result.tone}>{result.text}</Notice>}
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              run('save', () => saveAlertWebhook(null, { url, expectedVersion: channels.version }), () => t('saved'));
            }}
          >
            <label className="min-w-64 flex-1 text-xs text-zinc-600">
              {t('url')}
              <Input className="mt-1" type="url" inputMode="url" placeholder="https://" value={url} maxLength={2000} aria-invalid={!!urlError} onChange={(e) => setUrl(e.target.value)} />
            </label>
            <Button type="submit" disabled={busy !== null} aria-busy={busy === 'save'}>
              {busy === 'save' ? t('saving') : t('save')}
            </Button>
            <Button type="button" variant="secondary" disabled={busy !== null || !saved} aria-busy={busy === 'test'} onClick={() => run('test', () => testAlertWebhook(null, {}), (r) => (r.ok ? t('testOk', { status: r.status ?? 0 }) : t('testFailed', { error: r.error ?? '' })), false)}>
              {busy === 'test' ? t('testing') : t('test')}
            </Button>
          </form>
          {urlError && <p className="text-xs text-red-700">{urlError}</p>}
          <div className="text-xs text-zinc-600">
            <p>{t('secret')}</p>
            {channels.secret ? (
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <code className="rounded bg-zinc-100 px-2 py-1 font-mono text-xs break-all text-zinc-800">{shown ? channels.secret : '•'.repeat(24)}</code>
                <Button variant="secondary" onClick={() => setShown(!shown)} aria-pressed={shown}>
                  {shown ? t('hideSecret') : t('showSecret')}
                </Button>
                <Button variant="secondary" disabled={busy !== null} aria-busy={busy === 'rotate'} onClick={() => run('rotate', () => rotateAlertWebhookSecret(null, { expectedVersion: channels.version }), () => t('rotated'))}>
                  {t('rotate')}
                </Button>
              </div>
            ) : (
              <p className="mt-1 text-zinc-500">{t('noSecret')}</p>
            )}
          </div>
        </div>
      </div>
    </Card>
  );
}
