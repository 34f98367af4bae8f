import { linkEmail } from '@/lib/email/link-email';
import type { Translate } from '@/lib/i18n/translator';

// The email that carries a contact's tracked link to shared content, in the contact's language.

export type ContentEmailInput = {
  to: { name: string; email: string };
  title: string;
  description: string | null;
  sharedBy: string | null;
  link: string;
  unsubscribe: string;
};

export function contentEmail(input: ContentEmailInput, t: Translate) {
  const sender = input.sharedBy ?? t('content.email.team');
  return linkEmail({
    to: input.to,
    subject: t('content.email.subject', { title: input.title }),
    greeting: t('content.email.greeting', { name: input.to.name }),
    paragraphs: [t('content.email.intro', { sender, title: input.title })],
    notes: input.description ? [input.description] : [],
    button: { label: t('content.email.open'), href: input.link },
    footer: t('content.email.footer'),
    unsubscribe: { label: t('content.email.unsubscribe'), href: input.unsubscribe },
  });
}
