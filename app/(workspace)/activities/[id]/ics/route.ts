import { findActivityForIcs } from '@/db/queries/feeds';
import { appUrl } from '@/lib/env';
import { renderActivities, typeLabel } from '@/lib/feeds/render';
import { icsFilename } from '@/lib/ics/activity-event';
import { translatorFor } from '@/lib/i18n/translator';
import { RouteError, route } from '@/lib/routes/route';
import { dateIn } from '@/lib/scheduling/zoned';
import { parseId } from '@/lib/validation/input';

// GET /activities/<id>/ics: one activity as a calendar file to open in
// Outlook, Apple Calendar or Google. Who may: whoever may open the account
// page, which is every signed-in user (everyone reads every account).

export const GET = route<{ id: string }>({
  name: 'activity.ics',
  permission: 'accounts.read',
  reply: 'text',
  async handle({ params, db, locale }) {
    const id = parseId(params.id);
    if (id === null) throw new RouteError(404, { key: 'errors.notFound' });
    const row = await findActivityForIcs(db, id);
    if (!row) throw new RouteError(404, { key: 'errors.notFound' });

    const t = await translatorFor(locale);
    const body = renderActivities([row], { t, baseUrl: appUrl() });
    const filename = icsFilename({ id: row.id, accountName: row.accountName, typeLabel: typeLabel(row, t) }, dateIn(row.startsAt, row.timeZone));
    return new Response(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
});
