import 'server-only';
import type { DbOrTx } from '@/db/client';
import { findInvitationByToken, firstWaitlisted, lockSession, seatCounts, setInvitationStatus, type PublicInvitation } from '@/db/queries/programs';
import { acceptsAnswers, answerOutcome, seatFree, type Answer } from '@/lib/programs/answer';

/**
 * An invitee registers or declines on their public page. The session's row
 * is locked first, so two people answering at once never both take the last
 * seat; cancelling a registration gives the seat to the first in line.
 * Undefined for an unknown token; `closed` once the session is over.
 */
export async function answerInvitation(tx: DbOrTx, token: string, answer: Answer, now = new Date()): Promise<{ invitation: PublicInvitation; closed: boolean } | undefined> {
  const found = await findInvitationByToken(tx, token);
  if (!found) return undefined;
  if (!acceptsAnswers(found, now)) return { invitation: found, closed: true };
  await lockSession(tx, found.sessionId);
  const invitation = (await findInvitationByToken(tx, token, { forUpdate: true }))!;
  const seats = await seatCounts(tx, invitation.sessionId);
  const outcome = answerOutcome(invitation.status, answer, seatFree(invitation.capacity, seats.taken, seats.waiting));
  if (!outcome) return { invitation, closed: false };
  await setInvitationStatus(tx, { ids: [invitation.id], status: outcome.status, at: now, touchModel: invitation.touchModel });
  if (outcome.freesSeat) {
    const next = await firstWaitlisted(tx, invitation.sessionId);
    if (next !== undefined) await setInvitationStatus(tx, { ids: [next], status: 'registered', at: now, touchModel: invitation.touchModel });
  }
  return { invitation: { ...invitation, status: outcome.status }, closed: false };
}
