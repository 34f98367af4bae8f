'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SelectField, SubmitButton } from '@/components/action-form';
import { Notice } from '@/components/ui/notice';
import { inviteToSession } from '@/app/(workspace)/programs/actions';

export type OpenSession = { id: number; programId: number; label: string };
type Invitee = { id: number; name: string; email: string; noProgramEmails: boolean };
type Invited = { matched: number; invited: number; optedOut: number; emailing: boolean };

/**
 * Invite this account's people to an upcoming program session: every active
 * contact ticked but those who opted out of program emails. The invite is
 * the program page's own action, with the chosen contacts.
 */
export function InviteToProgramForm({ sessions, contacts }: { sessions: OpenSession[]; contacts: Invitee[] }) {
  const t = useTranslations('programs.accountInvite');
  const ti = useTranslations('programs.invite');
  const tp = useTranslations('programs.page');
  const [chosen, setChosen] = useState<number[]>(() => contacts.filter((c) => !c.noProgramEmails).map((c) => c.id));
  const [sessionId, setSessionId] = useState(String(sessions[0]?.id ?? ''));
  const [done, setDone] = useState<(Invited & { sessionId: number }) | null>(null);
  const programOf = (id: number) => sessions.find((s) => s.id === id)?.programId;
  if (!sessions.length) return <p className="text-sm text-zinc-600">{t('noSessions')}</p>;
  if (!contacts.length) return <p className="text-sm text-zinc-600">{t('noContacts')}</p>;
  return (
    <div className="space-y-3">
      <ActionForm<Invited> action={inviteToSession} onSuccess={(r) => setDone({ ...r, sessionId: Number(sessionId) })} className="space-y-3">
        <div className="max-w-2xl">
          <SelectField name="sessionId" label={t('session')} hint={t('sessionHint')} value={sessionId} onChange={(e) => setSessionId(e.target.value)} options={sessions.map((s) => ({ value: String(s.id), label: s.label }))} />
          {/* A phone's select cuts a long title off before the date: the chosen session in full. */}
          <p className="mt-1 text-sm text-zinc-800 sm:hidden">{sessions.find((s) => String(s.id) === sessionId)?.label}</p>
        </div>
        <input type="hidden" name="contactIds" value={chosen.join(',')} />
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">{t('contacts')}</legend>
          <p className="text-xs text-zinc-500">{t('contactsHint')}</p>
          <ul className="mt-2 space-y-1">
            {contacts.map((c) => (
              <li key={c.id}>
                <label className="flex min-w-0 items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
                    className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 text-brand-600"
                  />
                  {/* Name and email side by side where there is room, the email under the name on a phone. */}
                  <span className="flex min-w-0 flex-col sm:flex-row sm:items-baseline sm:gap-2">
                    <span className="whitespace-nowrap font-medium text-zinc-900">{c.name}</span>
                    <span className="truncate text-xs text-zinc-500">
                      {c.email}
                      {c.noProgramEmails && ` · ${t('optedOut')}`}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {chosen.length > 0 ? <SubmitButton pendingLabel={ti('inviting')}>{t('submit', { count: chosen.length })}</SubmitButton> : <p className="text-sm text-zinc-600">{t('noneChosen')}</p>}
      </ActionForm>
      {done && (
        <Notice tone="success">
          {ti('done', { invited: done.invited, already: done.matched - done.invited })}{' '}
          {!done.emailing && (
            <>
              {ti('noSmtp')}{' '}
              <a href={`/programs/links/${done.sessionId}`} download className="font-medium underline">
                {tp('downloadLinks')}
              </a>{' '}
            </>
          )}
          <Link href={`/programs/${programOf(done.sessionId)}?session=${done.sessionId}`} className="font-medium underline">
            {t('seeProgram')}
          </Link>
        </Notice>
      )}
    </div>
  );
}
