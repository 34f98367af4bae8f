import { recipientExists, unsubscribeByToken } from '@/db/queries/content';
import { tokenRoute, type TokenRouteContext } from '@/lib/routes/route';
import { translatorFor } from '@/lib/i18n/translator';

// /u/<token>: unsubscribing from content and program emails, the address in
// each email's List-Unsubscribe header. POST unsubscribes: what a mail
// client's one-click button sends (RFC 8058, body "List-Unsubscribe=One-Click")
// and what the page's button sends. GET only shows the page with that
// button: link scanners fetch every address in an email, and must not
// unsubscribe anyone. The token is the contact's tracked-link token.

const tokenShape = /^[0-9a-f]{64}$/;

async function page(ctx: TokenRouteContext<{ token: string }>, state: 'ask' | 'done' | 'unknown', status = 200): Promise<Response> {
  const t = await translatorFor(ctx.locale);
  const body =
    state === 'ask'
      ? `<p>${t('content.unsubscribePage.ask')}</p><form method="post"><button type="submit" style="padding:8px 16px">${t('content.unsubscribePage.confirm')}</button></form>`
      : `<p>${t(`content.unsubscribePage.${state}`)}</p>`;
  const html = `<!doctype html><html lang="${ctx.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t('content.unsubscribePage.title')}</title></head><body style="font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#18181b"><h1 style="font-size:1.25rem">${t('content.unsubscribePage.title')}</h1>${body}</body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } });
}

const valid = (token: string) => tokenShape.test(token.toLowerCase());

export const GET = tokenRoute<{ token: string }>({
  name: 'content.unsubscribe_page',
  reply: 'text',
  handle: async (ctx) => (valid(ctx.params.token) && (await recipientExists(ctx.db, ctx.params.token.toLowerCase())) ? page(ctx, 'ask') : page(ctx, 'unknown', 404)),
});

export const POST = tokenRoute<{ token: string }>({
  name: 'content.unsubscribe',
  reply: 'text',
  async handle(ctx) {
    const done = valid(ctx.params.token) && (await unsubscribeByToken(ctx.db, ctx.params.token.toLowerCase()));
    return done ? page(ctx, 'done') : page(ctx, 'unknown', 404);
  },
});
