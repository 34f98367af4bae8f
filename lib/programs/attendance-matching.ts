import type { InvitationStatus } from '@/lib/vocabulary';
import type { ReportPerson } from './attendee-report';
import { countsAsAttendee } from './report-headers';

// Who in an attendee report is who in the workspace, and what the import
// changes. A person is matched to a contact by email (case-insensitive),
// else to an account by the email's domain (to be offered as a new contact
// there), else left unmatched for a human. Only matched contacts change
// status: an attendee's invitation becomes attended with their minutes (one
// without an invitation gets one, attended), a registrant who never joined
// becomes a no-show. Planning from what the first import wrote gives no
// changes, so importing one report twice changes nothing.

export type SessionInvitation = { contactId: number; email: string; status: InvitationStatus; minutes: number | null };
export type WorkspaceContact = { id: number; email: string; accountId: number };
export type AccountDomain = { id: number; domain: string };

export type PersonMatch =
  | { kind: 'contact'; contactId: number; accountId: number }
  /** No contact has the email, but an account has its domain: offer to add the person there. */
  | { kind: 'account'; accountId: number }
  | { kind: 'unmatched' };

export type MatchedPerson = { person: ReportPerson; match: PersonMatch };

/**
 * One invitation to write: `from` null means the contact had none and gets
 * one (at `accountId`, the contact's account, as invitations and touches keep it).
 */
export type AttendanceChange = { contactId: number; accountId: number; from: InvitationStatus | null; to: 'attended' | 'no_show'; minutes: number | null };

export type AttendancePlan = {
  /** Attendees and registrants, each with what they matched. */
  people: MatchedPerson[];
  /** Hosts, panelists and organisers: the session's own people, never attendees. */
  staff: ReportPerson[];
  changes: AttendanceChange[];
};

// A registrant who never came is a no-show only while the invitation is still open.
const openStatuses: ReadonlySet<InvitationStatus> = new Set(['invited', 'registered', 'waitlisted']);

/** "https://www.Example.co.jp/about" → "example.co.jp". */
function bareDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/** An email's domain and its parents, most specific first: mail.example.co.jp, example.co.jp, co.jp. */
function domainsOf(email: string): string[] {
  const labels = bareDomain(email.slice(email.lastIndexOf('@') + 1)).split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/** The account for an email's domain, or for a parent of it (mail.example.co.jp → example.co.jp). */
function accountForEmail(email: string, accounts: Map<string, number>): number | null {
  for (const domain of domainsOf(email)) {
    const id = accounts.get(domain);
    if (id !== undefined) return id;
  }
  return null;
}

/**
 * The emails and domains a report names: the caller loads just the contacts
 * and accounts that have them (one query each) before planning, rather
 * than the whole workspace.
 */
export function reportLookups(persons: ReportPerson[]): { emails: string[]; domains: string[] } {
  const emails = [...new Set(persons.map((p) => p.email).filter(Boolean))];
  return { emails, domains: [...new Set(emails.flatMap(domainsOf))] };
}

export function planAttendance(input: {
  persons: ReportPerson[];
  invitations: SessionInvitation[];
  contacts: WorkspaceContact[];
  accounts: AccountDomain[];
  /**
   * The session's hosts (workspace users): staff even in a report that does
   * not say so, such as Zoom's participants list exported without its summary.
   */
  staffEmails?: string[];
}): AttendancePlan {
  const staffEmails = new Set((input.staffEmails ?? []).map((e) => e.trim().toLowerCase()));
  const contactsById = new Map(input.contacts.map((c) => [c.id, c]));
  const contactsByEmail = new Map(input.contacts.map((c) => [c.email.trim().toLowerCase(), c]));
  // An invitation remembers the address it went to, in case the contact's has changed since.
  for (const inv of input.invitations) {
    const contact = contactsById.get(inv.contactId);
    const email = inv.email.trim().toLowerCase();
    if (contact && email && !contactsByEmail.has(email)) contactsByEmail.set(email, contact);
  }
  const accounts = new Map(input.accounts.map((a) => [bareDomain(a.domain), a.id]));
  const invitations = new Map(input.invitations.map((i) => [i.contactId, i]));

  const people: MatchedPerson[] = [];
  const staff: ReportPerson[] = [];
  // Per contact: attended at all, and minutes over every report row that is them.
  const seen = new Map<number, { accountId: number; attended: boolean; minutes: number }>();
  for (const person of input.persons) {
    if (!countsAsAttendee(person.role) || (person.email && staffEmails.has(person.email))) {
      staff.push(person);
      continue;
    }
    const contact = person.email ? contactsByEmail.get(person.email) : undefined;
    if (contact) {
      people.push({ person, match: { kind: 'contact', contactId: contact.id, accountId: contact.accountId } });
      const s = seen.get(contact.id) ?? { accountId: contact.accountId, attended: false, minutes: 0 };
      seen.set(contact.id, { ...s, attended: s.attended || person.attended, minutes: s.minutes + (person.attended ? person.minutes : 0) });
      continue;
    }
    const accountId = person.email ? accountForEmail(person.email, accounts) : null;
    people.push({ person, match: accountId === null ? { kind: 'unmatched' } : { kind: 'account', accountId } });
  }

  const changes: AttendanceChange[] = [];
  for (const [contactId, { accountId, attended, minutes }] of seen) {
    const inv = invitations.get(contactId);
    const from = inv?.status ?? null;
    if (attended) {
      if (from !== 'attended' || inv?.minutes !== minutes) changes.push({ contactId, accountId, from, to: 'attended', minutes });
    } else if (from === null || openStatuses.has(from)) {
      // Attended (marked by hand, or from another report), declined and cancelled stay as they are.
      changes.push({ contactId, accountId, from, to: 'no_show', minutes: null });
    }
  }
  return { people, staff, changes };
}

/** The session's invitations after an import's changes: what the caller writes, as plain data. */
export function applyAttendanceChanges(invitations: SessionInvitation[], changes: AttendanceChange[], contacts: WorkspaceContact[]): SessionInvitation[] {
  const byContact = new Map(changes.map((c) => [c.contactId, c]));
  const emails = new Map(contacts.map((c) => [c.id, c.email]));
  const updated = invitations.map((inv) => {
    const change = byContact.get(inv.contactId);
    return change ? { ...inv, status: change.to, minutes: change.minutes } : inv;
  });
  const added = changes
    .filter((c) => c.from === null)
    .map((c) => ({ contactId: c.contactId, email: emails.get(c.contactId) ?? '', status: c.to, minutes: c.minutes }));
  return [...updated, ...added];
}
