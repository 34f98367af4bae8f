'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { ActionForm, SelectField, SubmitButton, TextField, useMessage } from '@/components/action-form';
import type { Message } from '@/lib/actions/result';
import { eventMeanings, type EventMeaning } from '@/lib/signals/meanings';
import { addEventMapping, removeEventMapping } from '../actions';

export type MappingItem = { id: number; meaning: string; event: string; scoreProperty: string | null };

/** The event names of each meaning, each removable, and a form to map another. */
export function MappingEditor({ mappings }: { mappings: MappingItem[] }) {
  const t = useTranslations('signals.mapping');
  const router = useRouter();
  const [meaning, setMeaning] = useState<EventMeaning>('key_feature');
  return (
    <div className="space-y-4">
      <dl className="divide-y divide-zinc-100 text-sm">
        {eventMeanings.map((m) => {
          const items = mappings.filter((x) => x.meaning === m);
          return (
            <div key={m} className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium text-zinc-900">{t(`meanings.${m}`)}</dt>
              <dd className="flex flex-wrap gap-1.5">
                {items.length ? items.map((x) => <Chip key={x.id} item={x} />) : <span className="text-zinc-400">{t('none')}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      <ActionForm action={addEventMapping} resetOnSuccess onSuccess={() => router.refresh()} className="grid gap-3 sm:grid-cols-[12rem_1fr_1fr_auto] sm:items-start">
        <SelectField
          name="meaning"
          label={t('meaning')}
          value={meaning}
          onChange={(e) => setMeaning(e.target.value as EventMeaning)}
          options={eventMeanings.map((m) => ({ value: m, label: t(`meanings.${m}`) }))}
        />
        <TextField name="event" label={t('event')} hint={t('eventHint')} maxLength={200} />
        {meaning === 'nps' ? <TextField name="scoreProperty" label={t('scoreProperty')} hint={t('scorePropertyHint')} defaultValue="score" maxLength={200} /> : <span aria-hidden />}
        <div className="sm:pt-6">
          <SubmitButton pendingLabel={t('adding')}>{t('add')}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}

function Chip({ item }: { item: MappingItem }) {
  const t = useTranslations('signals.mapping');
  const message = useMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-1 rounded bg-zinc-100 py-0.5 pl-2 pr-1 font-mono text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200">
      {item.event}
      {item.scoreProperty && <span className="text-zinc-500">.{item.scoreProperty}</span>}
      <button
        type="button"
        aria-label={t('remove', { event: item.event })}
        disabled={pending}
        className="rounded px-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-50"
        onClick={() =>
          startTransition(async () => {
            const res = await removeEventMapping(null, { id: item.id });
            if (res.ok) router.refresh();
            else setError(message((res.error ?? { key: 'errors.unexpected' }) as Message));
          })
        }
      >
        ×
      </button>
      {error && (
        <span role="alert" className="font-sans text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
