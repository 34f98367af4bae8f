'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useState } from 'react';
import type { ContactRow } from '@/db/queries/contacts';
import { Badge } from '@/components/ui/badge';
import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { ContactForm } from './contact-form';
import { InviteToProgramForm, type OpenSession } from './invite-to-program-form';
import { ShareContentForm } from './share-content-form';

/** The people at the account: a table that scans, with add and edit in place for those who may. */
export function ContactsCard({
  accountId,
  contacts,
  canEdit,
  shareItems,
  openSessions,
}: {
  accountId: number;
  contacts: ContactRow[];
  canEdit: boolean;
  /** Library items this user may share with the account. */
  shareItems: { id: number; title: string }[];
  /** Program sessions this user may invite the account's contacts to (none: no button). */
  openSessions: OpenSession[];
}) {
  const t = useTranslations('contacts');
  const tc = useTranslations('content');
  const tp = useTranslations('programs.accountInvite');
  const [sharing, setSharing] = useState(false);
  const [inviting, setInviting] = useState(false);
  const reachable = contacts.some((c) => c.active);
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={`${t('title')} · ${t('count', { count: contacts.length })}`}
      description={t('description')}
      actions={
        canEdit && (
          <div className="flex flex-wrap justify-end gap-2">
            {shareItems.length > 0 && (
              <Button variant="secondary" onClick={() => setSharing((v) => !v)} aria-expanded={sharing}>
                {sharing ? t('close') : tc('shareContent')}
              </Button>
            )}
            {openSessions.length > 0 && reachable && (
              <Button variant="secondary" onClick={() => setInviting((v) => !v)} aria-expanded={inviting}>
                {inviting ? t('close') : tp('open')}
              </Button>
            )}
            <Link href="/contacts/import" className={buttonClass('secondary')} aria-label={t('importLabel')}>
              {t('import')}
            </Link>
            <Button variant="secondary" onClick={() => setAdding((v) => !v)} aria-expanded={adding}>
              {adding ? t('close') : t('add')}
            </Button>
          </div>
        )
      }
    >
      {sharing && (
        <div className="mb-4 rounded-md bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200">
          {reachable ? <ShareContentForm accountId={accountId} items={shareItems} /> : <p className="text-sm text-zinc-600">{tc('noContacts')}</p>}
        </div>
      )}
      {inviting && (
        <div className="mb-4 rounded-md bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200">
          <InviteToProgramForm sessions={openSessions} contacts={contacts.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, email: c.email, noProgramEmails: c.noProgramEmails }))} />
        </div>
      )}
      {adding && (
        <div className="mb-4 rounded-md bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200">
          <ContactForm accountId={accountId} />
        </div>
      )}
      {contacts.length === 0 ? (
        <p className="text-sm text-zinc-500">{canEdit ? t('empty') : t('emptyReadOnly')}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t('name')}</Th>
              <Th>{t('email')}</Th>
              <Th>{t('roles')}</Th>
              <Th>{t('language')}</Th>
              {canEdit && (
                <Th>
                  <span className="sr-only">{t('edit')}</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {contacts.map((c) => (
              <Fragment key={c.id}>
                <tr className={c.active ? undefined : 'text-zinc-400'}>
                  <Td className="whitespace-normal">
                    <span className="font-medium text-zinc-900">{c.name}</span>
                    {!c.active && (
                      <>
                        {' '}
                        <Badge>{t('inactive')}</Badge>
                      </>
                    )}
                    {c.title && <span className="block text-xs text-zinc-500">{c.title}</span>}
                  </Td>
                  <Td>
                    <a href={`mailto:${c.email}`} className="text-brand-700 hover:underline">
                      {c.email}
                    </a>
                    {c.noProgramEmails && (
                      <>
                        {' '}
                        <Badge tone="amber">{t('optedOut')}</Badge>
                      </>
                    )}
                  </Td>
                  <Td className="whitespace-normal">
                    <span className="flex flex-wrap gap-1">
                      {c.roles.map((r) => (
                        <Badge key={r} tone={r === 'champion' || r === 'executive_sponsor' ? 'brand' : 'neutral'}>
                          {t(`roleNames.${r}`)}
                        </Badge>
                      ))}
                    </span>
                  </Td>
                  <Td>{c.language ? t(`languages.${c.language}`) : '—'}</Td>
                  {canEdit && (
                    <Td className="text-right">
                      <Button variant="ghost" onClick={() => setEditing(editing === c.id ? null : c.id)} aria-expanded={editing === c.id} aria-label={t('editOf', { name: c.name })}>
                        {editing === c.id ? t('close') : t('edit')}
                      </Button>
                    </Td>
                  )}
                </tr>
                {editing === c.id && (
                  <tr>
                    <td colSpan={5} className="bg-zinc-50 p-3">
                      <ContactForm accountId={accountId} contact={c} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
