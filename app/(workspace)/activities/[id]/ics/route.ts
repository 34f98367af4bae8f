import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { findActivityForIcs } from '@/db/queries/feeds';
import { getCurrentUser } from '@/lib/auth/current-user';
import { appUrl } from '@/lib/env';
import { renderActivities, translatorFor, typeLabel } from '@/lib/feeds/render';
import { icsFilename } from '@/lib/ics/activity-event';
import { localeCookie, resolveLocale } from '@/lib/i18n/locales';
import { wallClock } from '@/lib/scheduling/zoned';
import { parseId } from '@/lib/validation/input';

// GET /activities/<id>/ics: one activity as a calendar file to open in
// Outlook, Apple Calendar or Google. Who may: whoever may open the account
// page, which is every signed-in user (everyone reads every account); the
// session is checked here, as every route handler does.

type Params = { params: Promise<{ id: string }> };

const text = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return text(401, 'Sign in to download this activity.');
  const id = parseId((await params).id);
  if (id === null) return text(404, 'Not found.');
  const row = await findActivityForIcs(await getDb(), id);
  if (!row) return text(404, 'Not found.');

  const t = await translatorFor(resolveLocale(user.locale, (await cookies()).get(localeCookie)?.value, request.headers.get('accept-language')));
  const body = renderActivities([row], { t, baseUrl: appUrl() });
  const filename = icsFilename({ id: row.id, accountName: row.accountName, typeLabel: typeLabel(row, t) }, wallClock(row.startsAt, row.timeZone).date);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
