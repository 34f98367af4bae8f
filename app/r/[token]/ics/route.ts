import { findInvitationByToken } from '@/db/queries/programs';
import { appUrl } from '@/lib/env';
import { writeCalendar } from '@/lib/ics/calendar';
import { isLocale } from '@/lib/i18n/locales';
import { acceptsAnswers } from '@/lib/programs/answer';
import { RouteError, tokenRoute } from '@/lib/routes/route';

// /r/<token>/ics: the invitee's session as a calendar file, so their
// calendar shows it in their own time zone. Only their own session.

const tokenShape = /^[0-9a-f]{64}$/;

export const GET = tokenRoute<{ token: string }>({
  name: 'program.invitation_ics',
  reply: 'text',
  async handle(ctx) {
    const token = ctx.params.token.toLowerCase();
    const invitation = tokenShape.test(token) ? await findInvitationByToken(ctx.db, token) : undefined;
    // Expired with its session, as the page.
    if (!invitation || !acceptsAnswers(invitation, new Date())) throw new RouteError(404, { key: 'errors.notFound' });
    const start = new Date(invitation.startsAt);
    const base = appUrl().replace(/\/$/, '');
    const body = writeCalendar({
      prodId: '-//Touchplan//Programs//EN',
      method: 'PUBLISH',
      events: [
        {
          uid: `program-session-${invitation.sessionId}@${new URL(base).hostname}`,
          sequence: 0,
          stamp: new Date(),
          start,
          end: new Date(start.getTime() + invitation.durationMinutes * 60_000),
          timeZone: invitation.timeZone,
          summary: invitation.title,
          description: invitation.description,
          location: [invitation.onlineUrl, invitation.venue].filter(Boolean).join(' / ') || null,
          url: `${base}/r/${invitation.token}`,
          status: 'CONFIRMED',
        },
      ],
    });
    const lang = invitation.contactLanguage && isLocale(invitation.contactLanguage) ? invitation.contactLanguage : ctx.locale;
    return new Response(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="session-${invitation.sessionId}.ics"`,
        'Content-Language': lang,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
