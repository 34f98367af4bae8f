import 'server-only';
import nodemailer from 'nodemailer';
import { getDb } from '@/db/client';
import { queuedEmails, recordEmailOutcome } from '@/db/queries/content';
import { contentEmail } from '@/lib/content/email';
import { appUrl, smtpFrom, smtpUrl } from '@/lib/env';
import { getWorkspace } from '@/db/queries/workspace';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';

// Sends a share's emails (the 'content-email' job): each queued recipient's
// tracked link, in their language, one SMTP message each, and records each
// outcome. A retried job sends only what is still queued; a crash between
// sending one email and recording it can send that one twice (the queue
// delivers at least once), never skip one.

const chunk = 50;

export async function sendShareEmails(batchId: string): Promise<{ sent: number; failed: number }> {
  const url = smtpUrl();
  const db = await getDb();
  const counts = { sent: 0, failed: 0 };
  if (!url) return counts;
  const transport = nodemailer.createTransport(url);
  const base = appUrl().replace(/\/$/, '');
  // A contact with no language of their own is written to in the workspace's: Japanese for a yen workspace.
  const fallback: Locale = (await getWorkspace(db)).currency === 'JPY' ? 'ja' : 'en';
  try {
    for (;;) {
      const batch = await queuedEmails(db, batchId, chunk);
      if (!batch.length) return counts;
      for (const r of batch) {
        const locale = r.language && isLocale(r.language) ? r.language : fallback;
        const mail = contentEmail(
          { to: { name: r.name, email: r.email }, title: r.title, description: r.description, sharedBy: r.sharedBy, link: `${base}/c/${r.token}`, unsubscribe: `${base}/u/${r.token}` },
          await translatorFor(locale),
        );
        try {
          await transport.sendMail({ from: smtpFrom(), ...mail });
          await recordEmailOutcome(db, r.id, { status: 'sent' });
          counts.sent++;
        } catch (e) {
          // One bad address does not stop the others; its reason is on the recipient's row.
          await recordEmailOutcome(db, r.id, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
          counts.failed++;
        }
      }
    }
  } finally {
    transport.close();
  }
}
