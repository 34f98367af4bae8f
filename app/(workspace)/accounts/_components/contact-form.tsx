'use client';

import { useTranslations } from 'next-intl';
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/action-form';
import type { ContactRow } from '@/db/queries/contacts';
import { contactLanguages, contactRoles } from '@/lib/vocabulary';
import { createContact, updateContactDetails } from '../contact-actions';

function Check({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-start gap-2 text-sm text-zinc-800">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 size-4 rounded border-zinc-300 text-brand-600" />
      <span>
        {label}
        {hint && <span className="block text-xs text-zinc-500">{hint}</span>}
      </span>
    </label>
  );
}

/** Add a contact to an account, or edit one (with `contact`). A failed save keeps what was typed. */
export function ContactForm({ accountId, contact, onDone }: { accountId: number; contact?: ContactRow; onDone?: () => void }) {
  const t = useTranslations('contacts');
  const editing = contact !== undefined;
  return (
    <ActionForm
      action={editing ? updateContactDetails : createContact}
      successMessage={editing ? t('saved') : t('added')}
      resetOnSuccess={!editing}
      onSuccess={() => onDone?.()}
      className="space-y-3"
    >
      {editing ? (
        <>
          <input type="hidden" name="id" value={contact.id} />
          <input type="hidden" name="version" value={contact.version} />
        </>
      ) : (
        <input type="hidden" name="accountId" value={accountId} />
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="name" label={t('name')} defaultValue={contact?.name} autoComplete="off" />
        <TextField name="email" label={t('email')} type="email" defaultValue={contact?.email} autoComplete="off" />
        <TextField name="title" label={t('jobTitle')} defaultValue={contact?.title ?? ''} autoComplete="off" />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">{t('roles')}</legend>
        <p className="text-xs text-zinc-500">{t('rolesHint')}</p>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {contactRoles.map((r) => (
            <Check key={r} name={`role.${r}`} label={t(`roleNames.${r}`)} defaultChecked={contact?.roles.includes(r) ?? false} />
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          name="language"
          label={t('language')}
          defaultValue={contact?.language ?? ''}
          options={[{ value: '', label: t('languageDefault') }, ...contactLanguages.map((l) => ({ value: l, label: t(`languages.${l}`) }))]}
        />
        <div className="sm:col-span-2 sm:pt-6">
          <Check name="noProgramEmails" label={t('noProgramEmails')} hint={t('noProgramEmailsHint')} defaultChecked={contact?.noProgramEmails ?? false} />
        </div>
      </div>
      <TextAreaField name="notes" label={t('notes')} defaultValue={contact?.notes ?? ''} rows={2} />
      {editing && <Check name="active" label={t('active')} hint={t('activeHint')} defaultChecked={contact.active} />}
      <div className="flex justify-end gap-2">
        <SubmitButton>{editing ? t('save') : t('add')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
