import { createHash } from 'node:crypto';
import { findLiveFeed, listFeedActivities, recordFeedUse } from '@/db/queries/feeds';
import { getWorkspace } from '@/db/queries/workspace';
import { appUrl } from '@/lib/env';
import { renderActivities } from '@/lib/feeds/render';
import { feedWindow, hashFeedToken, shouldRecordUse, tokenFromSegment } from '@/lib/feeds/token';
import { resolveLocale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { RouteError, tokenRoute } from '@/lib/routes/route';

// GET /feeds/<token>.ics: a user's calendar feed, for calendar servers
// (Google, Outlook) that fetch it with no cookie. The secret token in the
// address is the only credential: proxy.ts lets /feeds/ through, and this
// handler is the check. An unknown, revoked or deactivated user's address
// all get the same 404.

export const GET = tokenRoute<{ token: string }>({
  name: 'calendar_feed.read',
  reply: 'text',
  async handle({ request, params, db }) {
    const token = tokenFromSegment(params.token);
    const feed = token ? await findLiveFeed(db, hashFeedToken(token)) : undefined;
    if (!feed) throw new RouteError(404, { key: 'feeds.errors.notFound' });

    const now = new Date();
    const [workspace, rows] = await Promise.all([getWorkspace(db), listFeedActivities(db, feed.userId, feedWindow(now))]);
    // Bookkeeping for the user's settings page (last used), not a change of data: at most once an hour.
    if (shouldRecordUse(feed.lastUsedAt, now)) await recordFeedUse(db, feed.id);

    // Calendar servers send no language of their own; the user's setting decides.
    const t = await translatorFor(resolveLocale(feed.locale, undefined, request.headers.get('accept-language')));
    const body = renderActivities(rows, {
      t,
      baseUrl: appUrl(),
      calendarName: t('feeds.ics.calendarName', { workspace: workspace.name, name: feed.userName }),
      timeZone: feed.timeZone ?? workspace.timeZone,
      refreshMinutes: 60,
    });
    // Entries carry their last change, not the time of the request, so an
    // unchanged calendar is the same bytes and a client can revalidate cheaply.
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const headers = {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
      ETag: etag,
      'X-Robots-Tag': 'noindex, nofollow',
    };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    return new Response(body, { headers: { ...headers, 'Content-Disposition': 'inline; filename="touchplan.ics"' } });
  },
});
