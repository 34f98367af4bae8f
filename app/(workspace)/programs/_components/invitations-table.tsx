'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm, SubmitButton, TextField } from '@/components/action-form';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { ContentEmailStatus, InvitationStatus } from '@/lib/vocabulary';
import { markAttendance } from '../actions';
import { CopyLink } from './copy-link';

export type InvitationView = {
  id: number;
  token: string;
  status: InvitationStatus;
  attendedMinutes: number | null;
  /** The reminder before the session: not_sent shows nothing. */
  reminderStatus: ContentEmailStatus;
  contactName: string;
  email: string | null;
  accountId: number;
  accountName: string;
  tier: number;
};

export const statusTone = { invited: 'neutral', registered: 'brand', waitlisted: 'indigo', attended: 'brand', no_show: 'amber', declined: 'neutral', cancelled: 'neutral' } as const;

/**
 * A session's invitations, each with the invitee's own link (email is not
 * sent yet, so the link is passed on by hand); who may run the program ticks
 * rows and records attendance once the session has started.
 */
export function InvitationsTable({ sessionId, rows, canMark }: { sessionId: number; rows: InvitationView[]; canMark: boolean }) {
  const t = useTranslations('programs');
  const [chosen, setChosen] = useState<number[]>([]);
  const toggle = (id: number, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const allOn = rows.length > 0 && rows.every((r) => chosen.includes(r.id));
  return (
    <div className="space-y-3">
      {canMark && (
        <ActionForm<{ changed: number }> action={markAttendance} onSuccess={() => setChosen([])} className="flex flex-wrap items-end gap-3 rounded-md bg-zinc-50 p-3 ring-1 ring-zinc-200">
          <input type="hidden" name="sessionId" value={sessionId} />
          <input type="hidden" name="invitationIds" value={chosen.join(',')} />
          <span className="self-center text-sm font-medium text-zinc-800">
            {t('attendance.mark')} · {t('attendance.selected', { count: chosen.length })}
          </span>
          <div className="w-36">
            <TextField name="minutes" inputMode="numeric" label={t('attendance.minutes')} />
          </div>
          <SubmitButton name="status" value="attended">
            {t('attendance.attended')}
          </SubmitButton>
          <SubmitButton name="status" value="no_show" variant="secondary">
            {t('attendance.noShow')}
          </SubmitButton>
        </ActionForm>
      )}
      <Table>
        <thead>
          <tr>
            {canMark && (
              <Th className="w-8">
                <input
                  type="checkbox"
                  aria-label={t('attendance.selectAll')}
                  checked={allOn}
                  onChange={(e) => setChosen(e.target.checked ? rows.map((r) => r.id) : [])}
                  className="size-4 rounded border-zinc-300 text-brand-600"
                />
              </Th>
            )}
            <Th>{t('columns.contact')}</Th>
            <Th className="hidden sm:table-cell">{t('columns.account')}</Th>
            <Th className="hidden md:table-cell">{t('columns.tier')}</Th>
            <Th>{t('columns.status')}</Th>
            <Th className="hidden text-right md:table-cell">{t('columns.minutes')}</Th>
            <Th className="hidden lg:table-cell">{t('attendance.link')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((r) => (
            <tr key={r.id}>
              {canMark && (
                <Td>
                  <input
                    type="checkbox"
                    aria-label={r.contactName}
                    checked={chosen.includes(r.id)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                    className="size-4 rounded border-zinc-300 text-brand-600"
                  />
                </Td>
              )}
              <Td className="whitespace-normal">
                <span className="font-medium text-zinc-900">{r.contactName}</span>
                {r.email && <span className="block text-xs text-zinc-500">{r.email}</span>}
                <span className="block text-xs text-zinc-500 sm:hidden">
                  {r.accountName} · {t('page.byTier', { tier: r.tier })}
                </span>
                <span className="block lg:hidden">
                  <CopyLink href={`/r/${r.token}`} />
                </span>
              </Td>
              <Td className="hidden sm:table-cell">
                <Link href={`/accounts/${r.accountId}`} className="hover:text-brand-700 hover:underline">
                  {r.accountName}
                </Link>
              </Td>
              <Td className="hidden md:table-cell">{t('page.byTier', { tier: r.tier })}</Td>
              <Td>
                <Badge tone={statusTone[r.status]}>{t(`statuses.${r.status}`)}</Badge>
                {r.reminderStatus !== 'not_sent' && <span className={`block text-xs ${r.reminderStatus === 'failed' ? 'text-red-700' : 'text-zinc-500'}`}>{t(`reminder.status.${r.reminderStatus}`)}</span>}
              </Td>
              <Td className="hidden text-right tabular-nums md:table-cell">{r.attendedMinutes ?? '—'}</Td>
              <Td className="hidden lg:table-cell">
                <CopyLink href={`/r/${r.token}`} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
