import { findInvitationByToken } from '@/db/queries/programs';
import { formatFor } from '@/lib/format';
import { translatorFor } from '@/lib/i18n/translator';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { acceptsAnswers } from '@/lib/programs/answer';
import { publicInvitationPage, publicMessagePage } from '@/lib/programs/public-page';
import { tokenRoute, type TokenRouteContext } from '@/lib/routes/route';
import { answerInvitation } from '@/lib/server/program-answer';
import { respondInput } from '@/lib/validation/program';

// /r/<token>: an invitee's own page for one program session, from the link
// in their invitation; no sign-in. GET only shows it (mail scanners follow
// every link in an email and must not register anyone); its buttons POST
// here to register or decline. The token is 64 random hex characters and
// shows only this invitee's own invitation.

const tokenShape = /^[0-9a-f]{64}$/;
const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } });

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

/** The invitee's own language when they have one, else the browser's. */
const localeFor = (invitation: Invitation, fallback: Locale): Locale =>
  invitation.contactLanguage && isLocale(invitation.contactLanguage) ? invitation.contactLanguage : fallback;

async function render(ctx: TokenRouteContext<{ token: string }>, invitation: Invitation, closed: boolean): Promise<Response> {
  const locale = localeFor(invitation, ctx.locale);
  // The link expires with its session: after it ends (or is cancelled) it answers as an unknown one, saying why.
  if (closed) {
    const t = await translatorFor(locale);
    return html(publicMessagePage(t('programs.public.closed'), t, locale), 404);
  }
  const t = await translatorFor(locale);
  const path = `/r/${invitation.token}`;
  const page = publicInvitationPage(
    { ...invitation, startsAt: new Date(invitation.startsAt), path, unsubscribePath: `/u/${invitation.token}` },
    t,
    formatFor(locale, invitation.timeZone),
    locale,
  );
  return html(page);
}

async function unknown(ctx: TokenRouteContext<{ token: string }>): Promise<Response> {
  const t = await translatorFor(ctx.locale);
  return html(publicMessagePage(t('programs.public.unknown'), t, ctx.locale), 404);
}

export const GET = tokenRoute<{ token: string }>({
  name: 'program.invitation_page',
  reply: 'text',
  async handle(ctx) {
    const token = ctx.params.token.toLowerCase();
    const invitation = tokenShape.test(token) ? await findInvitationByToken(ctx.db, token) : undefined;
    if (!invitation) return unknown(ctx);
    return render(ctx, invitation, !acceptsAnswers(invitation, new Date()));
  },
});

export const POST = tokenRoute<{ token: string }>({
  name: 'program.answer',
  reply: 'text',
  async handle(ctx) {
    const token = ctx.params.token.toLowerCase();
    if (!tokenShape.test(token)) return unknown(ctx);
    const form = await ctx.request.formData().catch(() => null);
    const input = respondInput.safeParse({ answer: form?.get('answer') });
    const result = await ctx.db.transaction(async (tx) => {
      if (!input.success) {
        const invitation = await findInvitationByToken(tx, token);
        return invitation ? { invitation, closed: !acceptsAnswers(invitation, new Date()) } : undefined;
      }
      return answerInvitation(tx, token, input.data.answer);
    });
    if (!result) return unknown(ctx);
    return render(ctx, result.invitation, result.closed);
  },
});
