import type { Format } from '@/lib/format';
import { escapeHtml } from '@/lib/html';
import type { Translate } from '@/lib/i18n/translator';
import type { InvitationStatus } from '@/lib/vocabulary';

// The page an invitee opens from their invitation (no sign-in): what the
// session is, when and where, and a button to register or decline. The
// buttons POST (mail scanners follow every link with GET, and must not
// register anyone). Plain HTML: it is small and must work without scripts.

export type PublicPageInput = {
  status: InvitationStatus;
  contactName: string;
  title: string;
  description: string | null;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  onlineUrl: string | null;
  venue: string | null;
  /** This page's own address (the form posts to it) and the unsubscribe address. */
  path: string;
  unsubscribePath: string;
};

const button = (answer: string, label: string, primary: boolean) =>
  `<button type="submit" name="answer" value="${answer}" style="padding:8px 16px;border-radius:6px;border:1px solid ${primary ? '#0f766e' : '#d4d4d8'};background:${primary ? '#0f766e' : '#fff'};color:${primary ? '#fff' : '#18181b'};font:inherit;cursor:pointer">${escapeHtml(label)}</button>`;

function actions(input: PublicPageInput, t: Translate): string {
  const buttons: string[] = [];
  if (!['registered', 'waitlisted', 'attended', 'no_show'].includes(input.status)) buttons.push(button('register', t('programs.public.register'), true));
  if (input.status === 'invited') buttons.push(button('decline', t('programs.public.decline'), false));
  if (input.status === 'registered' || input.status === 'waitlisted') buttons.push(button('decline', t('programs.public.cancel'), false));
  return buttons.length ? `<form method="post" action="${escapeHtml(input.path)}" style="display:flex;gap:8px;flex-wrap:wrap">${buttons.join('')}</form>` : '';
}

export function publicInvitationPage(input: PublicPageInput, t: Translate, format: Format, locale: string): string {
  const end = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
  const when = `${format.date(input.startsAt, 'long')} ${format.timeRange(input.startsAt, end)}`;
  const where = [input.onlineUrl ? `${t('programs.public.online')}` : null, input.venue].filter(Boolean).join(' / ');
  const row = (label: string, value: string) => `<tr><th style="text-align:left;padding:4px 16px 4px 0;color:#52525b;font-weight:500;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${value}</td></tr>`;
  const body = `
<p>${escapeHtml(t('programs.public.hello', { name: input.contactName }))}</p>
<p>${escapeHtml(t('programs.public.invited'))}</p>
<h2 style="font-size:1.125rem;margin:16px 0 8px">${escapeHtml(input.title)}</h2>
${input.description ? `<p style="color:#52525b;white-space:pre-line">${escapeHtml(input.description)}</p>` : ''}
<table style="border-collapse:collapse;margin:12px 0">${row(t('programs.public.when'), escapeHtml(when))}${where ? row(t('programs.public.where'), escapeHtml(where)) : ''}</table>
<p style="color:#71717a;font-size:13px">${escapeHtml(t('programs.public.timeZoneNote', { zone: input.timeZone }))} <a href="${escapeHtml(input.path)}/ics">${escapeHtml(t('programs.public.ics'))}</a></p>
<p style="font-weight:600">${escapeHtml(t(`programs.public.status.${input.status}`))}</p>
${actions(input, t)}
<p style="margin-top:32px;font-size:12px"><a href="${escapeHtml(input.unsubscribePath)}" style="color:#71717a">${escapeHtml(t('programs.public.unsubscribe'))}</a></p>`;
  return page(t('programs.public.title'), body, locale);
}

export function publicMessagePage(message: string, t: Translate, locale: string): string {
  return page(t('programs.public.title'), `<p>${escapeHtml(message)}</p>`, locale);
}

function page(title: string, body: string, locale: string): string {
  return `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#18181b;line-height:1.6"><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${body}</body></html>`;
}
