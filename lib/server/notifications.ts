import 'server-only';
import nodemailer from 'nodemailer';
import { getDb } from '@/db/client';
import { claimDigestUsers, digestTasks, releaseDigestClaims } from '@/db/queries/digest';
import { notifyDueTasks } from '@/db/queries/notifications';
import { getWorkspace } from '@/db/queries/workspace';
import { taskToday } from '@/lib/dates';
import { appUrl, smtpFrom, smtpUrl } from '@/lib/env';
import { formatFor } from '@/lib/format';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { digestEmail, digestSections, isEmptyDigest } from '@/lib/notifications/digest';

// The bell's "due within 24 hours" sweep (job 'notify-due', every 15
// minutes) and the daily digest (job 'digest', every 15 minutes: a user's
// 08:00 comes at a quarter hour in every zone). Both are safe to run twice or
// on two instances at once: the sweep inserts each notification once, and a
// digest is claimed (digest_sent_on) before it is sent, so it goes out at most
// once a day. A send that fails gives its claim back, so the next run (a
// quarter of an hour later) tries again.

/** Notifies owners of open tasks due within a day; returns how many notifications are new. */
export async function notifyDue(now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => notifyDueTasks(tx, taskToday(await getWorkspace(tx), now)));
}

/** Sends the digests owed at `now` (nothing without SMTP); returns how many were sent and how many users had nothing to tell. */
export async function sendDigests(now = new Date()): Promise<{ sent: number; empty: number; failed: number }> {
  const counts = { sent: 0, empty: 0, failed: 0 };
  const url = smtpUrl();
  if (!url) return counts;
  const db = await getDb();
  const users = await claimDigestUsers(db, now);
  if (!users.length) return counts;
  // Sent, or nothing to tell that day: the claims that stand. Any other (refused, or this run failed first) is given back.
  const settled = new Set<number>();
  const transport = nodemailer.createTransport(url);
  try {
    const tasks = await digestTasks(db, users);
    // The workspace's language for users without one: Japanese for a yen workspace (as contacts' emails).
    const fallback: Locale = (await getWorkspace(db)).currency === 'JPY' ? 'ja' : 'en';
    for (const user of users) {
      const sections = digestSections(
        tasks.filter((t) => t.ownerId === user.id),
        user.today,
        user.since,
      );
      if (isEmptyDigest(sections)) {
        counts.empty++;
        settled.add(user.id);
        continue;
      }
      const locale = user.locale && isLocale(user.locale) ? user.locale : fallback;
      const mail = digestEmail({ to: { name: user.name, email: user.email }, sections, today: user.today, appUrl: appUrl() }, await translatorFor(locale), formatFor(locale, user.timeZone));
      try {
        await transport.sendMail({ from: smtpFrom(), ...mail });
        counts.sent++;
        settled.add(user.id);
      } catch (e) {
        // One refused address does not stop the others.
        console.error(`[digest] user ${user.id}:`, e instanceof Error ? e.message : e);
        counts.failed++;
      }
    }
  } finally {
    transport.close();
    await releaseDigestClaims(
      db,
      users.filter((u) => !settled.has(u.id)),
    );
  }
  return counts;
}
