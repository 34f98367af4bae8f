import 'server-only';
import nodemailer from 'nodemailer';
import { getDb, type Db } from '@/db/client';
import { getWorkspace } from '@/db/queries/workspace';
import { smtpFrom, smtpUrl } from '@/lib/env';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { translatorFor, type Translate } from '@/lib/i18n/translator';

// Sends what a job left queued, one SMTP message per person in their
// language, recording each outcome: shared content's links and program
// invitations alike. A retried job sends only what is still queued; a crash
// between sending one email and recording it can send that one twice (the
// queue delivers at least once), never skip one.

export type QueuedMail = { id: number; language: string | null };
type Mail = Parameters<nodemailer.Transporter['sendMail']>[0];

const chunk = 50;

export async function sendQueued<R extends QueuedMail>(spec: {
  next: (db: Db, limit: number) => Promise<R[]>;
  compose: (row: R, t: Translate, locale: Locale) => Mail;
  record: (db: Db, id: number, outcome: { status: 'sent' | 'failed'; error?: string }) => Promise<void>;
}): Promise<{ sent: number; failed: number }> {
  const url = smtpUrl();
  const counts = { sent: 0, failed: 0 };
  if (!url) return counts;
  const db = await getDb();
  const transport = nodemailer.createTransport(url);
  // A contact with no language of their own is written to in the workspace's: Japanese for a yen workspace.
  const fallback: Locale = (await getWorkspace(db)).currency === 'JPY' ? 'ja' : 'en';
  try {
    for (;;) {
      const batch = await spec.next(db, chunk);
      if (!batch.length) return counts;
      for (const row of batch) {
        const locale = row.language && isLocale(row.language) ? row.language : fallback;
        const t = await translatorFor(locale);
        try {
          await transport.sendMail({ from: smtpFrom(), ...spec.compose(row, t, locale) });
          await spec.record(db, row.id, { status: 'sent' });
          counts.sent++;
        } catch (e) {
          // One bad address does not stop the others; its reason is on its row.
          await spec.record(db, row.id, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
          counts.failed++;
        }
      }
    }
  } finally {
    transport.close();
  }
}
