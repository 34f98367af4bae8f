import { linkEmail } from '@/lib/email/link-email';
import type { Format } from '@/lib/format';
import type { Translate } from '@/lib/i18n/translator';

// An invitation to one program session, in the contact's language: what and
// when (in the session's zone; the page and its .ics give their own), and
// the button to their own page, where they register or decline.

export type InvitationEmailInput = {
  to: { name: string; email: string };
  title: string;
  description: string | null;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  invitedBy: string | null;
  link: string;
  unsubscribe: string;
};

export function invitationEmail(input: InvitationEmailInput, t: Translate, format: Format) {
  const end = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
  const when = `${format.date(input.startsAt, 'long')} ${format.timeRange(input.startsAt, end)} (${input.timeZone})`;
  return linkEmail({
    to: input.to,
    subject: t('programs.email.subject', { title: input.title }),
    greeting: t('programs.public.hello', { name: input.to.name }),
    paragraphs: [t('programs.email.intro', { sender: input.invitedBy ?? t('content.email.team'), title: input.title }), t('programs.email.when', { when })],
    notes: input.description ? [input.description] : [],
    button: { label: t('programs.email.open'), href: input.link },
    footer: t('content.email.footer'),
    unsubscribe: { label: t('content.email.unsubscribe'), href: input.unsubscribe },
  });
}
