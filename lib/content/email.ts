import { escapeHtml } from '@/lib/html';
import type { Translate } from '@/lib/i18n/translator';

// The email that carries a contact's tracked link to shared content, in the
// contact's language: plain text and simple HTML, with RFC 8058 one-click
// unsubscribe headers (mail clients show an "Unsubscribe" button that POSTs
// to the address without opening a page).

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
  const subject = t('content.email.subject', { title: input.title });
  const greeting = t('content.email.greeting', { name: input.to.name });
  const intro = t('content.email.intro', { sender, title: input.title });
  const open = t('content.email.open');
  const footer = t('content.email.footer');
  const unsubscribe = t('content.email.unsubscribe');
  const text = [greeting, '', intro, ...(input.description ? ['', input.description] : []), '', `${open}: ${input.link}`, '', '--', footer, `${unsubscribe}: ${input.unsubscribe}`].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#18181b;line-height:1.6">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
${input.description ? `<p style="color:#52525b">${escapeHtml(input.description)}</p>` : ''}
<p><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#0f766e;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${escapeHtml(open)}</a></p>
<p style="color:#71717a;font-size:12px">${escapeHtml(footer)} <a href="${escapeHtml(input.unsubscribe)}" style="color:#71717a">${escapeHtml(unsubscribe)}</a></p>
</body></html>`;
  return {
    to: { name: input.to.name, address: input.to.email },
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${input.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
