import 'server-only';
import { sendShareEmails } from '../content-email';
import { sendInvitationEmails } from '../program-email';
import { sendReminderEmails, sweepReminders } from '../program-reminders';
import { recomputeChangedCoverage } from '../coverage';
import { refreshEconomics } from '../economics';
import { sweepExpiredOverrides } from '../sweep-overrides';
import { maintainUsageEvents } from '../usage-maintenance';
import { recomputeChangedHealth } from '../health';
import { evaluateAlerts } from '../alerts';
import { deliverWebhook, sendTechTouchEmails, webhookAttempts } from '../tech-touch';
import { notifyDue, sendDigests } from '../notifications';
import { defineJob } from './queue';

// Every background job of the app: its name, what it does with its data, and
// how it retries. Adding a job is one entry here; `enqueue(name, data)` is
// then typed by it. A job may run more than once (at-least-once delivery):
// write `run` so a second run changes nothing.

export const jobRegistry = {
  // Ends overrides whose end date has passed. Scheduled every 15 minutes and
  // sent once at start; `stately` keeps at most one waiting and one running.
  'sweep-overrides': defineJob<Record<string, never>>({
    run: () => sweepExpiredOverrides(),
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 5 * 60,
  }),
  // Emails one content share's tracked links (lib/server/content-email.ts).
  // Enqueued in the share's own transaction; a retry sends only what is still queued.
  'content-email': defineJob<{ batchId: string }>({
    run: ({ batchId }) => sendShareEmails(batchId),
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 3600 },
    expireInSeconds: 15 * 60,
  }),
  // Emails a session's invitations (lib/server/program-email.ts), enqueued by the invite's own
  // transaction; a retry sends only what is still queued.
  'program-email': defineJob<{ sessionId: number }>({
    run: ({ sessionId }) => sendInvitationEmails(sessionId),
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 3600 },
    expireInSeconds: 15 * 60,
  }),
  // Sends a session's queued reminders (lib/server/program-reminders.ts). Keyed by
  // session (`session-<id>`) and `stately`: one run per session at a time, which
  // is what lets a run mark a reminder an earlier run took and never recorded as failed.
  'program-reminder': defineJob<{ sessionId: number }>({
    run: ({ sessionId }) => sendReminderEmails(sessionId),
    policy: 'stately',
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 3600 },
    expireInSeconds: 15 * 60,
  }),
  // Queues the day-before reminders of sessions starting within a day (nothing without SMTP).
  'sweep-reminders': defineJob<Record<string, never>>({
    run: () => sweepReminders(),
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 5 * 60,
  }),
  // Keeps coverage_obligations current (lib/server/coverage.ts): every minute
  // the accounts whose touches or tier changed, everything when a playbook,
  // the settings or the day changed. Then brings the unit-economics snapshots
  // of the last 12 months and the current fiscal year up to date, so the
  // page rarely waits for one (lib/server/economics.ts). `stately`: one at a time.
  'coverage': defineJob<Record<string, never>>({
    run: async () => {
      await recomputeChangedCoverage();
      await refreshEconomics();
    },
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 15 * 60,
  }),
  // Keeps signals and health scores current (lib/server/health.ts): every
  // account once a day and when the model changes; within a minute the
  // accounts with new usage, touches or pulse. `stately`: one at a time.
  'health': defineJob<Record<string, never>>({
    run: async () => {
      const done = await recomputeChangedHealth();
      // Scores moved: the alert rules read them (a waiting evaluation absorbs this one).
      if (done.whole || done.accounts > 0) await (await import('../jobs')).enqueue('alerts', {});
    },
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 15 * 60,
  }),
  // Evaluates the alert rules (lib/server/alerts.ts): after each health run
  // that changed scores, and every 15 minutes. `stately`: one at a time, one
  // waiting; two instances at once still raise one task per episode.
  'alerts': defineJob<Record<string, never>>({
    run: async () => void (await evaluateAlerts()),
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 15 * 60,
  }),
  // One alert nudge to the in-app tool's webhook (lib/server/tech-touch.ts),
  // enqueued in the evaluation's transaction; retried with backoff (30 s,
  // 1 min, 2 min… up to an hour) while the receiver is down or failing.
  'tech-touch-webhook': defineJob<{ id: number }>({
    run: ({ id }, job) => deliverWebhook(id, job.attempt),
    retry: { limit: webhookAttempts - 1, delaySeconds: 30, maxDelaySeconds: 3600 },
    expireInSeconds: 5 * 60,
  }),
  // Sends the queued alert emails to accounts' contacts; a retry sends only what is still queued.
  'tech-touch-email': defineJob<Record<string, never>>({
    run: () => sendTechTouchEmails(),
    policy: 'stately',
    retry: { limit: 5, delaySeconds: 60, maxDelaySeconds: 3600 },
    expireInSeconds: 15 * 60,
  }),
  // Usage events' partitions made ahead and dropped past the retention, and
  // the ingestion's bookkeeping pruned (lib/server/usage-maintenance.ts).
  'usage-maintenance': defineJob<Record<string, never>>({
    run: async () => void (await maintainUsageEvents()),
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 15 * 60,
  }),
  // The bell's "due within 24 hours" (lib/server/notifications.ts): each task's owner once.
  'notify-due': defineJob<Record<string, never>>({
    run: async () => void (await notifyDue()),
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 5 * 60,
  }),
  // The daily digest emails at 08:00 in each user's zone (nothing without SMTP).
  // A user is claimed before the send: no retry sends one twice.
  'digest': defineJob<Record<string, never>>({
    run: async () => void (await sendDigests()),
    policy: 'stately',
    retry: { limit: 3, delaySeconds: 60, maxDelaySeconds: 600 },
    expireInSeconds: 15 * 60,
  }),
};

export type JobName = keyof typeof jobRegistry;

/** Recurring jobs (cron, in UTC), installed at every start. */
export const jobSchedules: { name: JobName; cron: string }[] = [
  { name: 'sweep-overrides', cron: '*/15 * * * *' },
  { name: 'sweep-reminders', cron: '*/15 * * * *' },
  { name: 'coverage', cron: '* * * * *' },
  { name: 'usage-maintenance', cron: '7 * * * *' },
  { name: 'health', cron: '* * * * *' },
  { name: 'alerts', cron: '*/15 * * * *' },
  { name: 'notify-due', cron: '*/15 * * * *' },
  // Every quarter hour: 08:00 falls on one in every time zone (India +5:30, Nepal +5:45).
  { name: 'digest', cron: '*/15 * * * *' },
];

/** Jobs sent once when an app instance starts (deduplicated across instances by their queue policy). */
export const jobsAtStart: JobName[] = ['sweep-overrides', 'sweep-reminders', 'coverage', 'usage-maintenance', 'health', 'alerts', 'notify-due', 'digest'];
