'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useFieldError, useMessage } from '@/components/action-form';
import { Input } from '@/components/ui/input';

/**
 * Colleagues who join: a checkbox per active user (the one running it is
 * left out), sent as one JSON field. A filter appears when the list is long.
 */
export function AttendeePicker({
  colleagues,
  excludeId,
  value,
  onChange,
}: {
  colleagues: { id: number; name: string }[];
  excludeId: number | null;
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const t = useTranslations('series');
  const message = useMessage();
  const error = useFieldError('internalAttendees');
  const [filter, setFilter] = useState('');
  const id = useId();
  const choices = colleagues.filter((c) => c.id !== excludeId);
  const shown = filter ? choices.filter((c) => c.name.toLowerCase().includes(filter.toLowerCase()) || value.includes(c.id)) : choices;
  const sent = value.filter((v) => v !== excludeId);
  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-zinc-800">{t('internalAttendees.label')}</legend>
      <input type="hidden" name="internalAttendees" value={JSON.stringify(sent)} />
      {choices.length > 8 && (
        <Input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('internalAttendees.filter')} aria-label={t('internalAttendees.filter')} className="mb-1" />
      )}
      {choices.length === 0 ? (
        <p className="text-xs text-zinc-500">{t('internalAttendees.none')}</p>
      ) : (
        <div className="grid max-h-32 gap-x-3 gap-y-1 overflow-y-auto rounded-md px-2.5 py-1.5 ring-1 ring-inset ring-zinc-300 sm:grid-cols-3">
          {shown.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm text-zinc-800">
              <input
                type="checkbox"
                className="size-4 rounded border-zinc-300 text-brand-600"
                checked={value.includes(c.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, c.id] : value.filter((v) => v !== c.id))}
              />
              {c.name}
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {message(error)}
        </p>
      ) : (
        sent.length > 0 && <p className="text-xs text-zinc-500">{t('internalAttendees.count', { count: sent.length })}</p>
      )}
    </fieldset>
  );
}
