'use server';

import type { Tx } from '@/db/client';
import { findContactByEmail, insertContact } from '@/db/queries/contacts';
import { findSession } from '@/db/queries/programs';
import { attendContact, findActiveContact, findUnmatchedForUpdate, resolveUnmatched, searchContacts } from '@/db/queries/unmatched-attendees';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { assertCanEditAccount, assertCanRunProgram } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/current-user';
import { contactSearchInput, matchAttendeeInput, unmatchedAttendeeInput } from '@/lib/validation/attendee';

// The people of an attendee report whom the import could not match, resolved
// by whoever records the session's attendance (its hosts, managers,
// admins). Each is done once: a second click finds the person resolved and
// changes nothing. The session is locked before the person, in the order
// the import takes them.

/** The session (one the user runs, already started) and the person, both locked; `done` when someone already resolved them. */
async function personToResolve(tx: Tx, user: CurrentUser, input: { sessionId: number; attendeeId: number }) {
  const session = await findSession(tx, input.sessionId, { forUpdate: true });
  if (!session) throw notFoundError();
  assertCanRunProgram(user, session);
  if (new Date(session.startsAt).getTime() > Date.now()) throw new ActionError({ key: 'programs.errors.notStarted' });
  const person = await findUnmatchedForUpdate(tx, session.id, input.attendeeId);
  if (!person) throw notFoundError();
  return { session, person, done: person.resolvedAt !== null };
}

/**
 * Someone whose email's domain is an account's, added as a contact of that
 * account with the report's name and email, and recorded as attended. A CSM
 * adds contacts only to the accounts they own, as on the account page.
 */
export const addAttendeeAsContact = action({
  name: 'program.add_attendee_contact',
  permission: 'programs.write',
  input: unmatchedAttendeeInput,
  revalidate: ['/programs', '/accounts'],
  async run({ user, input, tx, audit }) {
    const { session, person, done } = await personToResolve(tx, user, input);
    if (done) return { changed: false };
    if (person.accountId === null || !person.email) throw new ActionError({ key: 'programs.unmatched.errors.noAccount' });
    assertCanEditAccount(user, { ownerId: person.accountOwnerId });
    const taken = await findContactByEmail(tx, person.email);
    if (taken) throw new ActionError({ key: 'contacts.emailTaken', values: { name: taken.name, account: taken.accountName } });
    const name = person.name.trim().slice(0, 200) || person.email;
    const contactId = await insertContact(tx, { accountId: person.accountId, name, email: person.email, createdBy: user.id });
    const { invitationId } = await attendContact(tx, { session, contactId, accountId: person.accountId, minutes: person.minutes, by: user.id });
    await resolveUnmatched(tx, person.id, user.id);
    await audit({
      action: 'program.add_attendee_contact',
      entity: 'account',
      entityId: person.accountId,
      after: { contactId, name, email: person.email, programId: session.programId, sessionId: session.id, invitationId, minutes: person.minutes },
    });
    return { changed: true, contactId };
  },
});

/**
 * Someone matched by hand to an existing contact (another address, a
 * guest's display name): that contact is recorded as attended. As with the
 * import, the contact may be at any account: attendance is a fact about the
 * session, which the user runs, not a change to the account.
 */
export const matchAttendee = action({
  name: 'program.match_attendee',
  permission: 'programs.write',
  input: matchAttendeeInput,
  revalidate: ['/programs', '/accounts'],
  async run({ user, input, tx, audit }) {
    const { session, person, done } = await personToResolve(tx, user, input);
    if (done) return { changed: false };
    const contact = await findActiveContact(tx, input.contactId);
    if (!contact) throw new ActionError({ key: 'programs.unmatched.errors.contactGone' });
    const { invitationId, invited } = await attendContact(tx, { session, contactId: contact.id, accountId: contact.accountId, minutes: person.minutes, by: user.id });
    await resolveUnmatched(tx, person.id, user.id);
    await audit({
      action: 'program.match_attendee',
      entity: 'program',
      entityId: session.programId,
      after: { sessionId: session.id, attendee: person.name, email: person.email, contactId: contact.id, invitationId, invited, minutes: person.minutes },
    });
    return { changed: true, contactId: contact.id };
  },
});

/** Someone who is not a customer (a colleague, a test login): no longer listed. */
export const dismissAttendee = action({
  name: 'program.dismiss_attendee',
  permission: 'programs.write',
  input: unmatchedAttendeeInput,
  revalidate: ['/programs'],
  async run({ user, input, tx, audit }) {
    const { session, person, done } = await personToResolve(tx, user, input);
    if (done) return { changed: false };
    await resolveUnmatched(tx, person.id, user.id);
    await audit({ action: 'program.dismiss_attendee', entity: 'program', entityId: session.programId, after: { sessionId: session.id, attendee: person.name, email: person.email } });
    return { changed: true };
  },
});

/** Contacts to match someone to, as the user types: everyone reads every account, so any active contact. */
export const findContactsToMatch = action({
  name: 'program.find_contacts',
  permission: 'programs.write',
  input: contactSearchInput,
  async run({ input, tx }) {
    return input.q.trim().length < 2 ? [] : searchContacts(tx, input.q);
  },
});
