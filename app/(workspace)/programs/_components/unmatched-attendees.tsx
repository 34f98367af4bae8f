'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton } from '@/components/action-form';
import { Button } from '@/components/ui/button';
import { addAttendeeAsContact, dismissAttendee } from '../attendee-actions';
import { ContactMatch } from './contact-match';

export type UnmatchedView = { id: number; name: string; email: string | null; minutes: number; accountId: number | null; accountName: string | null; canAdd: boolean };

/**
 * People an attendee report named who are not contacts, each with what the
 * user may do: add someone at a known account's domain as its contact (one
 * click), match anyone to an existing contact, or dismiss them.
 */
export function UnmatchedAttendees({ sessionId, rows, canResolve }: { sessionId: number; rows: UnmatchedView[]; canResolve: boolean }) {
  const t = useTranslations('programs');
  const router = useRouter();
  const [matching, setMatching] = useState<number | null>(null);
  const done = () => {
    setMatching(null);
    router.refresh();
  };
  return (
    <ul className="divide-y divide-zinc-100" data-unmatched>
      {rows.map((r) => (
        <li key={r.id} className="space-y-2 py-2.5" data-unmatched-row={r.name}>
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-zinc-900">{r.name}</p>
              <p className="break-all text-xs text-zinc-500">
                {r.email ?? t('unmatched.noEmail')} · {t('page.minutes', { count: r.minutes })}
              </p>
              {r.accountId !== null && (
                <p className="text-xs text-zinc-500">
                  {t.rich('unmatched.atAccount', {
                    account: r.accountName ?? '',
                    link: (chunks) => (
                      <Link href={`/accounts/${r.accountId}`} className="text-brand-700 hover:underline">
                        {chunks}
                      </Link>
                    ),
                  })}
                </p>
              )}
            </div>
            {canResolve && (
              <div className="flex flex-wrap items-start gap-2">
                {r.canAdd && (
                  <ActionForm action={addAttendeeAsContact} onSuccess={done} className="space-y-2">
                    <input type="hidden" name="sessionId" value={sessionId} />
                    <input type="hidden" name="attendeeId" value={r.id} />
                    <SubmitButton pendingLabel={t('unmatched.adding')}>
                      <span aria-hidden>{t('unmatched.add')}</span>
                      <span className="sr-only">{t('unmatched.addTo', { name: r.name, account: r.accountName ?? '' })}</span>
                    </SubmitButton>
                  </ActionForm>
                )}
                <Button variant="secondary" aria-expanded={matching === r.id} onClick={() => setMatching(matching === r.id ? null : r.id)}>
                  {t('unmatched.match')}
                </Button>
                <ActionForm action={dismissAttendee} onSuccess={done} className="space-y-2">
                  <input type="hidden" name="sessionId" value={sessionId} />
                  <input type="hidden" name="attendeeId" value={r.id} />
                  <SubmitButton variant="ghost" pendingLabel={t('unmatched.dismissing')}>
                    <span aria-hidden>{t('unmatched.dismiss')}</span>
                    <span className="sr-only">{t('unmatched.dismissLabel', { name: r.name })}</span>
                  </SubmitButton>
                </ActionForm>
              </div>
            )}
          </div>
          {matching === r.id && <ContactMatch sessionId={sessionId} person={r} onDone={done} onClose={() => setMatching(null)} />}
        </li>
      ))}
    </ul>
  );
}
