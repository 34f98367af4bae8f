import 'server-only';
import { getDb, type Tx } from '@/db/client';
import { claimReminder, queueReminders, recordReminder } from '@/db/queries/program-mail';
import { appUrl, smtpUrl } from '@/lib/env';
import { formatFor } from '@/lib/format';
import { reminderEmail, reminderLeadHours } from '@/lib/programs/reminder-email';
import { enqueue } from './jobs';
import { sendQueued } from './mail-batch';

// Reminders before a session: the 'program-reminder' job sends one
// session's queued reminders; the 'sweep-reminders' job (every 15 minutes)
// queues the day-before reminders of sessions starting within a day. Both do
// nothing without SMTP. Each invitation is reminded at most once: a reminder
// is taken (reminded_at) before it is sent, so a retried job never sends it
// twice (db/queries/program-mail.ts).

/** Sends a session's queued reminders, one at a time, recording each outcome. */
export async function sendReminderEmails(sessionId: number): Promise<{ sent: number; failed: number }> {
  const base = appUrl().replace(/\/$/, '');
  return sendQueued({
    next: async (db) => {
      const row = await claimReminder(db, sessionId);
      return row ? [row] : [];
    },
    compose: (r, t, locale) =>
      reminderEmail(
        {
          to: { name: r.name, email: r.email },
          title: r.title,
          startsAt: new Date(r.startsAt),
          durationMinutes: r.durationMinutes,
          timeZone: r.timeZone,
          online: r.onlineUrl !== null,
          venue: r.venue,
          link: `${base}/r/${r.token}`,
          unsubscribe: `${base}/u/${r.token}`,
        },
        t,
        formatFor(locale, r.timeZone),
      ),
    record: recordReminder,
  });
}

/** Queues the day-before reminders and a sending job per session; returns how many reminders it queued. */
export async function sweepReminders(now: Date = new Date()): Promise<number> {
  if (!smtpUrl()) return 0;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const until = new Date(now.getTime() + reminderLeadHours * 3600_000);
    const sessions = await queueReminders(tx, { now, until, leadHours: reminderLeadHours });
    // In this transaction: the jobs exist only if the reminders were queued.
    for (const s of sessions) if (s.queued > 0) await enqueueReminderJob(s.sessionId, tx);
    return sessions.reduce((n, s) => n + s.queued, 0);
  });
}

/** One sending job per session at a time (the queue's `stately` policy keyed by session). */
export function enqueueReminderJob(sessionId: number, tx: Tx) {
  return enqueue('program-reminder', { sessionId }, { tx, singletonKey: `session-${sessionId}` });
}
