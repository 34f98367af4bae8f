'use server';

import { findAccount } from '@/db/queries/accounts';
import { findContactByEmail, findContactForUpdate, insertContact, updateContact } from '@/db/queries/contacts';
import type { Tx } from '@/db/client';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { changedFields } from '@/lib/audit-diff';
import { assertCanEditAccount } from '@/lib/auth/access';
import { createContactInput, updateContactInput } from '@/lib/validation/contact';

const editable = ['name', 'email', 'title', 'roles', 'language', 'noProgramEmails', 'notes', 'active'] as const;

/** One person per email in the workspace: say who has it, on the email field. */
async function assertEmailFree(tx: Tx, email: string, exceptId?: number) {
  const taken = await findContactByEmail(tx, email, exceptId);
  if (taken) throw new ActionError({ key: 'contacts.emailTaken', values: { name: taken.name, account: taken.accountName } }, 'email');
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const createContact = action({
  name: 'contact.create',
  permission: 'contacts.write',
  input: createContactInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const account = await findAccount(tx, input.accountId);
    if (!account) throw notFoundError();
    assertCanEditAccount(user, account);
    await assertEmailFree(tx, input.email);
    const id = await insertContact(tx, { ...input, createdBy: user.id });
    await audit({ action: 'contact.create', entity: 'account', entityId: account.id, after: { contactId: id, ...input } });
    return { id };
  },
});

export const updateContactDetails = action({
  name: 'contact.update',
  permission: 'contacts.write',
  input: updateContactInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const before = await findContactForUpdate(tx, input.id);
    if (!before) throw notFoundError();
    assertCanEditAccount(user, { ownerId: before.accountOwnerId });
    if (before.version !== input.version) throw conflictError();
    await assertEmailFree(tx, input.email, input.id);
    const { id, version, ...values } = input;
    if (!(await updateContact(tx, id, version, values))) throw conflictError();
    const change = changedFields(before, { ...before, ...values }, editable, sameValue);
    await audit({ action: 'contact.update', entity: 'account', entityId: before.accountId, before: { contactId: id, ...change.before }, after: { contactId: id, ...change.after } });
    return { id };
  },
});
