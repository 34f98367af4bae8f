import { listBatchLinks } from '@/db/queries/content';
import { ActionError } from '@/lib/actions/result';
import { canManageAccounts } from '@/lib/auth/access';
import { csvDownload, protectFormula } from '@/lib/csv/write';
import { appUrl } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/translator';
import { route, RouteError } from '@/lib/routes/route';

// GET /content/links/<batch>: one share's tracked links as a mail-merge CSV
// (one row per contact: name, email, account, language, link), for teams
// without SMTP or who send from their own mail tool. The one who shared, or
// a manager or admin; contacts who opted out are listed, marked, so a merge
// can leave them out.

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const GET = route<{ batch: string }>({
  name: 'content.links',
  permission: 'content.share',
  reply: 'text',
  async handle({ params, user, db, locale }) {
    const rows = uuidShape.test(params.batch) ? await listBatchLinks(db, params.batch) : [];
    if (!rows.length) throw new RouteError(404, { key: 'errors.notFound' });
    // Refused as an ownership denial, which the door audits.
    if (!canManageAccounts(user) && rows[0]!.sharedBy !== user.id) throw new ActionError({ key: 'errors.forbidden' });
    const t = await translatorFor(locale);
    const head = ['name', 'email', 'account', 'language', 'opted_out', 'link'].map((c) => t(`content.mailMerge.${c}`));
    const base = appUrl().replace(/\/$/, '');
    return csvDownload(
      `content-${rows[0]!.itemId}-links.csv`,
      head,
      rows.map((r) => [protectFormula(r.contactName), r.email, protectFormula(r.accountName), r.language ?? '', r.optedOut ? 'yes' : '', `${base}/c/${r.token}`]),
    );
  },
});
