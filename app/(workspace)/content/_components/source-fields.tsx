'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, TextField } from '@/components/action-form';
import { controlClass } from '@/components/ui/input';
import { maxContentMegabytes } from '@/lib/content/limits';

/** A version's content: a link or a file, one at a time. */
export function SourceFields({ withNote }: { withNote?: boolean }) {
  const t = useTranslations('content');
  const [kind, setKind] = useState<'link' | 'file'>('link');
  return (
    <div className="space-y-3">
      <div role="radiogroup" className="flex gap-4 text-sm">
        {(['link', 'file'] as const).map((k) => (
          <label key={k} className="flex items-center gap-2 text-zinc-800">
            <input type="radio" name="source" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-4 border-zinc-300 text-brand-600" />
            {t(k)}
          </label>
        ))}
      </div>
      {kind === 'link' ? (
        <TextField name="url" label={t('link')} type="url" placeholder="https://" hint={t('linkHint')} autoComplete="off" />
      ) : (
        <Field name="file" label={t('file')} hint={t('fileHint', { max: maxContentMegabytes })}>
          {(control) => <input {...control} type="file" className={`${controlClass} file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-2 file:py-1`} />}
        </Field>
      )}
      {withNote && <TextField name="note" label={t('note')} hint={t('noteHint')} autoComplete="off" />}
    </div>
  );
}
