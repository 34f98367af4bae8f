import { linkEmail } from '@/lib/email/link-email';
import type { Translate } from '@/lib/i18n/translator';

// The email an alert rule's tech touch sends one contact: the admin's
// subject and message as written (a blank line starts a new paragraph), in
// the shape of every email to a customer's contact, with one-click unsubscribe.

export type NudgeEmailInput = { to: { name: string | null; email: string }; subject: string; message: string; unsubscribe: string };

export function nudgeEmail(input: NudgeEmailInput, t: Translate) {
  const paragraphs = input.message
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return linkEmail({
    to: { name: input.to.name ?? input.to.email, email: input.to.email },
    subject: input.subject,
    greeting: input.to.name ? t('content.email.greeting', { name: input.to.name }) : t('alerts.nudgeEmail.greeting'),
    paragraphs,
    footer: t('content.email.footer'),
    unsubscribe: { label: t('content.email.unsubscribe'), href: input.unsubscribe },
  });
}
