'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useEffect, useId, useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import { findContactsToMatch, matchAttendee } from '../attendee-actions';

type Found = { id: number; name: string; email: string; accountName: string };

/**
 * Match someone from a report to an existing contact: search the workspace's
 * active contacts (starting from the name the report gave), choose one,
 * and record them as attended.
 */
export function ContactMatch({ sessionId, person, onDone, onClose }: { sessionId: number; person: { id: number; name: string }; onDone: () => void; onClose: () => void }) {
  const t = useTranslations('programs.unmatched');
  const id = useId();
  const [q, setQ] = useState(person.name);
  const [found, setFound] = useState<{ q: string; rows: Found[] } | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const searchable = q.trim().length >= 2;

  useEffect(() => {
    if (!searchable) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await findContactsToMatch(null, { q });
        if (result.ok) setFound({ q, rows: result.data });
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [q, searchable]);

  const rows = found?.q === q ? found.rows : null;
  return (
    <div className="space-y-2 rounded-md bg-zinc-50 p-3 ring-1 ring-zinc-200" role="group" aria-label={t('matchTitle', { name: person.name })}>
      <div className="space-y-1">
        <label htmlFor={`${id}-q`} className="block text-sm font-medium text-zinc-800">
          {t('search')}
        </label>
        <Input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" aria-describedby={`${id}-hint`} autoFocus />
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {t('searchHint')}
        </p>
      </div>
      <div aria-live="polite" className="text-sm">
        {searchable && rows === null && <p className="text-zinc-500">{t('searching')}</p>}
        {rows?.length === 0 && <p className="text-zinc-500">{t('noResults', { q: q.trim() })}</p>}
      </div>
      {rows && rows.length > 0 && (
        <fieldset>
          <legend className="sr-only">{t('matchTitle', { name: person.name })}</legend>
          <ul className="max-h-60 divide-y divide-zinc-100 overflow-y-auto rounded-md bg-white ring-1 ring-zinc-200">
            {rows.map((c) => (
              <li key={c.id}>
                <label className={cn('flex cursor-pointer items-start gap-2 px-3 py-2 text-sm', chosen === c.id && 'bg-brand-50')}>
                  <input type="radio" name={`${id}-contact`} checked={chosen === c.id} onChange={() => setChosen(c.id)} className="mt-0.5 size-4 border-zinc-300 text-brand-600" />
                  <span className="min-w-0">
                    <span className="block font-medium text-zinc-900">{c.name}</span>
                    <span className="block break-all text-xs text-zinc-500">
                      {c.email} · {c.accountName}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <ActionForm action={matchAttendee} onSuccess={onDone} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="sessionId" value={sessionId} />
        <input type="hidden" name="attendeeId" value={person.id} />
        <input type="hidden" name="contactId" value={chosen ?? ''} />
        {chosen !== null && <SubmitButton pendingLabel={t('matching')}>{t('confirm')}</SubmitButton>}
        <Button variant="ghost" onClick={onClose}>
          {t('close')}
        </Button>
      </ActionForm>
    </div>
  );
}
