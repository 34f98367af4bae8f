import 'server-only';
import { queuedInvitations, recordInvitationEmail } from '@/db/queries/programs';
import { appUrl } from '@/lib/env';
import { formatFor } from '@/lib/format';
import { invitationEmail } from '@/lib/programs/invitation-email';
import { sendQueued } from './mail-batch';

/** Sends a session's queued invitations (the 'program-email' job): each invitee's own page link. */
export async function sendInvitationEmails(sessionId: number): Promise<{ sent: number; failed: number }> {
  const base = appUrl().replace(/\/$/, '');
  return sendQueued({
    next: (db, limit) => queuedInvitations(db, sessionId, limit),
    compose: (r, t, locale) =>
      invitationEmail(
        {
          to: { name: r.name, email: r.email },
          title: r.title,
          description: r.description,
          startsAt: new Date(r.startsAt),
          durationMinutes: r.durationMinutes,
          timeZone: r.timeZone,
          invitedBy: r.invitedBy,
          link: `${base}/r/${r.token}`,
          unsubscribe: `${base}/u/${r.token}`,
        },
        t,
        formatFor(locale, r.timeZone),
      ),
    record: recordInvitationEmail,
  });
}
