import { escapeHtml } from '@/lib/html';

// The shape of every email Touchplan sends a customer's contact: a greeting,
// a few paragraphs, one button, a footer with the unsubscribe link; plain
// text and simple HTML, with RFC 8058 one-click unsubscribe headers (mail
// clients show an "Unsubscribe" button that POSTs without opening a page).

export type LinkEmail = {
  to: { name: string; email: string };
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Muted lines under the paragraphs (a description, a time zone note). */
  notes?: string[];
  /** The one link the email is about; none for a plain message (an alert's nudge). */
  button?: { label: string; href: string };
  footer: string;
  unsubscribe: { label: string; href: string };
};

export function linkEmail(e: LinkEmail) {
  const notes = e.notes ?? [];
  const text = [e.greeting, '', ...e.paragraphs.flatMap((p) => [p, '']), ...notes.flatMap((n) => [n, '']), ...(e.button ? [`${e.button.label}: ${e.button.href}`, ''] : []), '--', e.footer, `${e.unsubscribe.label}: ${e.unsubscribe.href}`].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#18181b;line-height:1.6">
<p>${escapeHtml(e.greeting)}</p>
${e.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${notes.map((n) => `<p style="color:#52525b">${escapeHtml(n)}</p>`).join('\n')}
${e.button ? `<p><a href="${escapeHtml(e.button.href)}" style="display:inline-block;background:#0f766e;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${escapeHtml(e.button.label)}</a></p>` : ''}
<p style="color:#71717a;font-size:12px">${escapeHtml(e.footer)} <a href="${escapeHtml(e.unsubscribe.href)}" style="color:#71717a">${escapeHtml(e.unsubscribe.label)}</a></p>
</body></html>`;
  return {
    to: { name: e.to.name, address: e.to.email },
    subject: e.subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${e.unsubscribe.href}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
