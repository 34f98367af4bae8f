'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, useId, type ReactNode } from 'react';
import { TextField } from '@/components/action-form';
import type { ContactRole } from '@/lib/vocabulary';

export type ContactChoice = { name: string; title: string | null; roles: ContactRole[] };

const AccountContacts = createContext<ContactChoice[]>([]);

/** The account's active contacts, for every booking form on its page to offer. */
export function AccountContactsProvider({ contacts, children }: { contacts: ContactChoice[]; children: ReactNode }) {
  return <AccountContacts.Provider value={contacts}>{children}</AccountContacts.Provider>;
}

export const useAccountContacts = () => useContext(AccountContacts);

/** The executive sponsor: typed freely, or picked from the account's contacts (sponsors first). */
export function SponsorField({ label, defaultValue }: { label: string; defaultValue?: string }) {
  const contacts = useAccountContacts();
  const listId = useId();
  const sponsorsFirst = [...contacts].sort((a, b) => Number(b.roles.includes('executive_sponsor')) - Number(a.roles.includes('executive_sponsor')));
  return (
    <>
      <TextField name="executiveSponsor" label={label} defaultValue={defaultValue} list={contacts.length ? listId : undefined} autoComplete="off" />
      {contacts.length > 0 && (
        <datalist id={listId}>
          {sponsorsFirst.map((c) => (
            <option key={c.name} value={c.name}>
              {c.title ?? ''}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}

/** One click adds a contact as a "name, title" attendee line; those already listed are not offered. */
export function ContactQuickAdd({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useTranslations('contacts');
  const contacts = useAccountContacts();
  const listed = new Set(value.split('\n').map((line) => line.split(/[,、]/)[0]!.trim()));
  const offered = contacts.filter((c) => !listed.has(c.name));
  if (!offered.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-1 text-xs">
      <span className="text-zinc-500">{t('addAttendee')}</span>
      {offered.map((c) => (
        <button
          key={c.name}
          type="button"
          className="rounded-full px-2 py-0.5 text-zinc-700 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-600"
          onClick={() => onChange([value.trim(), c.title ? `${c.name}, ${c.title}` : c.name].filter(Boolean).join('\n'))}
          aria-label={t('addAttendeeNamed', { name: c.name })}
        >
          + {c.name}
        </button>
      ))}
    </div>
  );
}
