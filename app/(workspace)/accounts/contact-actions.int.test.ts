import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listAccountContacts } from '@/db/queries/contacts';
import { auditLog } from '@/db/schema';
import { createAccount } from '@/tests/accounts';
import { createUser, formData, signInAs, uniqueEmail } from '@/tests/factories';
import { createContact, updateContactDetails } from './contact-actions';

describe('contacts on an account', () => {
  it('a CSM adds one to their account from the form, roles from checkboxes, email kept lower-case', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(csm);
    const email = uniqueEmail('Hanako');
    const result = await createContact(
      null,
      formData({ accountId: account.id, name: ' 山田 花子 ', email: email.toUpperCase(), title: 'CTO', 'role.champion': 'on', 'role.billing': 'on', language: 'ja', noProgramEmails: 'on' }),
    );
    expect(result).toMatchObject({ ok: true });
    const [c] = await listAccountContacts(await getDb(), account.id);
    expect(c).toMatchObject({ name: '山田 花子', email: email.toLowerCase(), title: 'CTO', roles: ['champion', 'billing'], language: 'ja', noProgramEmails: true, active: true });
  });

  it('refuses an email another contact has, whatever its case, naming who has it, and writes nothing', async () => {
    const csm = await createUser('csm');
    const [a, b] = [await createAccount({ ownerId: csm.id }), await createAccount({ ownerId: csm.id })];
    await signInAs(csm);
    const email = uniqueEmail('dup');
    expect(await createContact(null, { accountId: a.id, name: 'First', email, roles: [] })).toMatchObject({ ok: true });
    const again = await createContact(null, { accountId: b.id, name: 'Second', email: email.toUpperCase(), roles: [] });
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: { key: 'contacts.emailTaken', values: { name: 'First', account: a.name } } } });
    expect(await listAccountContacts(await getDb(), b.id)).toEqual([]);
  });

  it('shows field errors for a missing name and a bad email', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(csm);
    const result = await createContact(null, formData({ accountId: account.id, name: '', email: 'not-an-email' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: { key: 'validation.required' }, email: { key: 'validation.email' } } });
  });

  it('an edit from a stale version is refused and changes nothing; a current one is audited with only what changed', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(csm);
    const email = uniqueEmail('edit');
    const created = await createContact(null, { accountId: account.id, name: 'Ito', email, roles: ['end_user'] });
    const id = (created as { data: { id: number } }).data.id;
    const base = { id, name: 'Ito', email, roles: ['end_user'], active: true };
    expect(await updateContactDetails(null, { ...base, version: 1, title: 'Head of IT' })).toMatchObject({ ok: true });
    expect(await updateContactDetails(null, { ...base, version: 1, title: 'Someone else' })).toMatchObject({ ok: false, error: { key: 'errors.conflict' } });
    const [c] = await listAccountContacts(await getDb(), account.id);
    expect(c).toMatchObject({ title: 'Head of IT', version: 2 });
    const rows = await (await getDb()).select().from(auditLog).where(eq(auditLog.action, 'contact.update'));
    const mine = rows.find((r) => (r.after as { contactId?: number }).contactId === id);
    expect(mine).toMatchObject({ entity: 'account', entityId: String(account.id), before: { contactId: id, title: null }, after: { contactId: id, title: 'Head of IT' } });
  });

  it('deactivating keeps the contact, listed after the active ones', async () => {
    const csm = await createUser('csm');
    const account = await createAccount({ ownerId: csm.id });
    await signInAs(csm);
    const [e1, e2] = [uniqueEmail('a'), uniqueEmail('b')];
    const first = (await createContact(null, { accountId: account.id, name: 'Aoki', email: e1, roles: [] })) as { data: { id: number } };
    await createContact(null, { accountId: account.id, name: 'Baba', email: e2, roles: [] });
    expect(await updateContactDetails(null, formData({ id: first.data.id, version: 1, name: 'Aoki', email: e1 }))).toMatchObject({ ok: true });
    expect((await listAccountContacts(await getDb(), account.id)).map((c) => [c.name, c.active])).toEqual([
      ['Baba', true],
      ['Aoki', false],
    ]);
  });
});
