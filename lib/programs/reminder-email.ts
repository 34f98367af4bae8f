import { linkEmail } from '@/lib/email/link-email';
import type { Format } from '@/lib/format';
import type { Translate } from '@/lib/i18n/translator';

// The reminder a registered invitee gets before the session, in their
// language: when (in the session's zone, as the invitation said it), where,
// and the button to their own page, where they can also cancel.

/** The day-before reminder goes out this many hours before a session starts. */
export const reminderLeadHours = 24;

export type ReminderEmailInput = {
  to: { name: string; email: string };
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  online: boolean;
  venue: string | null;
  link: string;
  unsubscribe: string;
};

export function reminderEmail(input: ReminderEmailInput, t: Translate, format: Format) {
  const end = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
  const when = `${format.date(input.startsAt, 'long')} ${format.timeRange(input.startsAt, end)} (${input.timeZone})`;
  const where = [input.online && t('programs.public.online'), input.venue].filter(Boolean).join(' / ');
  return linkEmail({
    to: input.to,
    subject: t('programs.reminderEmail.subject', { title: input.title }),
    greeting: t('programs.public.hello', { name: input.to.name }),
    paragraphs: [
      t('programs.reminderEmail.intro', { title: input.title }),
      t('programs.email.when', { when }),
      ...(where ? [t('programs.reminderEmail.where', { where })] : []),
    ],
    notes: [t('programs.reminderEmail.cancelNote')],
    button: { label: t('programs.reminderEmail.open'), href: input.link },
    footer: t('content.email.footer'),
    unsubscribe: { label: t('content.email.unsubscribe'), href: input.unsubscribe },
  });
}
