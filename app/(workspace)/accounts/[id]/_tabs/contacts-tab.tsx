import { getDb } from '@/db/client';
import { listAccountContacts } from '@/db/queries/contacts';
import { listShareableItems } from '@/db/queries/content';
import { listOpenSessions } from '@/db/queries/program-sessions';
import { can } from '@/lib/auth/permissions';
import { formatFor } from '@/lib/format';
import { getFormat } from '@/lib/i18n/format';
import { ContactsCard } from '../../_components/contacts-card';
import type { TabProps } from './tab-props';

/** The people at the account; adding, editing, sharing content and inviting to a program open from its buttons. */
export async function ContactsTab({ account, user, workspace, editable }: TabProps) {
  const db = await getDb();
  const [format, contacts, shareItems, openSessions] = await Promise.all([
    getFormat(workspace.currency),
    listAccountContacts(db, account.id),
    editable ? listShareableItems(db) : [],
    // Sessions to invite the account's people to: for those who may invite them (a CSM on their own accounts).
    editable && can(user, 'programs.invite') ? listOpenSessions(db) : [],
  ]);
  return (
    <ContactsCard
      accountId={account.id}
      contacts={contacts}
      canEdit={editable}
      shareItems={shareItems}
      openSessions={openSessions.map((s) => ({ id: s.id, programId: s.programId, label: `${s.title} — ${formatFor(format.locale, s.timeZone).dateTime(new Date(s.startsAt))} (${s.timeZone})` }))}
    />
  );
}
