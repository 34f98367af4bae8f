'use server';

import { queueReminders } from '@/db/queries/program-mail';
import { findSession } from '@/db/queries/programs';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { assertCanRunProgram } from '@/lib/auth/access';
import { smtpUrl } from '@/lib/env';
import { openJobs } from '@/lib/server/jobs';
import { enqueueReminderJob } from '@/lib/server/program-reminders';
import { sessionPhase } from '@/lib/programs/session-choice';
import { sendReminderInput } from '@/lib/validation/program-reminder';

/**
 * "Send reminder" on an upcoming session: every registered invitee not
 * reminded yet (or whose reminder failed) gets one by email, on the queue;
 * opted-out contacts are skipped. Asking again reminds nobody twice. Those
 * who run the program (its hosts and creator, managers and admins).
 */
export const sendSessionReminder = action({
  name: 'program.remind',
  permission: 'programs.write',
  input: sendReminderInput,
  revalidate: ['/programs'],
  // The job is enqueued inside the transaction; the queue must be open before it starts.
  prepare: async () => {
    if (smtpUrl()) await openJobs();
  },
  async run({ user, input, tx, audit }) {
    const session = await findSession(tx, input.sessionId, { forUpdate: true });
    if (!session) throw notFoundError();
    assertCanRunProgram(user, session);
    if (session.cancelled || sessionPhase(session) !== 'upcoming') throw new ActionError({ key: 'programs.errors.reminderTooLate' });
    const [counts] = await queueReminders(tx, { sessionId: session.id, retryFailed: true });
    const queued = counts?.queued ?? 0;
    const optedOut = counts?.optedOut ?? 0;
    // Nobody left to remind is an answer with or without email; someone to remind needs SMTP (the page offers no button without it).
    if (queued > 0 && !smtpUrl()) throw new ActionError({ key: 'programs.errors.noSmtpReminder' });
    // In this transaction: the job exists only if the reminders were queued.
    if (queued > 0) await enqueueReminderJob(session.id, tx);
    await audit({ action: 'program.remind', entity: 'program', entityId: session.programId, after: { sessionId: session.id, reminded: queued, optedOut } });
    return { queued, optedOut };
  },
});
