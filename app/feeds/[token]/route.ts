import { createHash } from 'node:crypto';
import { getDb } from '@/db/client';
import { findLiveFeed, listFeedActivities, recordFeedUse } from '@/db/queries/feeds';
import { getWorkspace } from '@/db/queries/workspace';
import { appUrl } from '@/lib/env';
import { renderActivities, translatorFor } from '@/lib/feeds/render';
import { feedWindow, hashFeedToken, shouldRecordUse, tokenFromSegment } from '@/lib/feeds/token';
import { resolveLocale } from '@/lib/i18n/locales';

// GET /feeds/<token>.ics: a user's calendar feed, for calendar servers
// (Google, Outlook) that fetch it with no cookie. The secret token in the
// address is the only credential: proxy.ts lets /feeds/ through, and this
// handler is the check. An unknown, revoked or deactivated user's address
// all get the same 404.

type Params = { params: Promise<{ token: string }> };

const notFound = () =>
  new Response('Not found.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const token = tokenFromSegment((await params).token);
  if (!token) return notFound();
  const db = await getDb();
  const feed = await findLiveFeed(db, hashFeedToken(token));
  if (!feed) return notFound();

  const now = new Date();
  const [workspace, rows] = await Promise.all([getWorkspace(db), listFeedActivities(db, feed.userId, feedWindow(now))]);
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
}
