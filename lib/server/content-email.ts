import 'server-only';
import { queuedEmails, recordEmailOutcome } from '@/db/queries/content';
import { contentEmail } from '@/lib/content/email';
import { appUrl } from '@/lib/env';
import { sendQueued } from './mail-batch';

/** Sends a share's emails (the 'content-email' job): each queued recipient's tracked link. */
export async function sendShareEmails(batchId: string): Promise<{ sent: number; failed: number }> {
  const base = appUrl().replace(/\/$/, '');
  return sendQueued({
    next: (db, limit) => queuedEmails(db, batchId, limit),
    compose: (r, t) =>
      contentEmail({ to: { name: r.name, email: r.email }, title: r.title, description: r.description, sharedBy: r.sharedBy, link: `${base}/c/${r.token}`, unsubscribe: `${base}/u/${r.token}` }, t),
    record: recordEmailOutcome,
  });
}
