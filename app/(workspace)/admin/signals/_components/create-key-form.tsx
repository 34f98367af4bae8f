'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton, TextField } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { createWriteKey } from '../actions';

/** Makes a key and shows it once, with a copy button and a request to try it with. */
export function CreateKeyForm({ endpoint }: { endpoint: string }) {
  const t = useTranslations('signals');
  const [made, setMade] = useState<{ key: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const example = made
    ? `curl ${endpoint}/track -u '${made.key}:' -H 'Content-Type: application/json' \\\n  -d '{"userId":"user-1","event":"Logged In","context":{"groupId":"example.co.jp"}}'`
    : '';
  return (
    <div className="space-y-3">
      <ActionForm
        action={createWriteKey}
        resetOnSuccess
        onSuccess={(data) => {
          setMade(data);
          setCopied(false);
        }}
        className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start"
      >
        <TextField name="name" label={t('keys.name')} hint={t('keys.nameHint')} maxLength={80} required />
        <TextField name="ratePerMinute" label={t('keys.rate')} hint={t('keys.rateHint')} inputMode="numeric" defaultValue="6000" />
        <div className="sm:pt-6">
          <SubmitButton pendingLabel={t('keys.creating')}>{t('keys.create')}</SubmitButton>
        </div>
      </ActionForm>
      {made && (
        <div role="status" className="space-y-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
          <p>{t('keys.created', { name: made.name })}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="select-all break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200">{made.key}</code>
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(made.key).then(() => setCopied(true));
              }}
            >
              {copied ? '✓' : t('keys.copy')}
            </Button>
          </div>
          <p className="text-xs font-medium">{t('send.example')}</p>
          <pre className="overflow-x-auto rounded bg-white p-2 font-mono text-xs text-zinc-700 ring-1 ring-emerald-200">{example}</pre>
        </div>
      )}
    </div>
  );
}
