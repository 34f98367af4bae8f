import { listSessionLinks } from '@/db/queries/program-mail';
import { findSession } from '@/db/queries/programs';
import { csvDownload, protectFormula } from '@/lib/csv/write';
import { appUrl } from '@/lib/env';
import { translatorFor } from '@/lib/i18n/translator';
import { route, RouteError } from '@/lib/routes/route';
import { parseId } from '@/lib/validation/input';

// GET /programs/links/<session>: a session's invitation links as a mail-merge
// CSV (contact, email, account, language, opted out, their own page
// /r/<token>, status), for a server without SMTP or a team that sends from
// its own mail tool. Whoever may see the program page sees these links on
// it, so the same people get the file; opted-out contacts are listed, marked,
// so a merge can leave them out.

export const GET = route<{ session: string }>({
  name: 'program.links',
  permission: 'programs.read',
  reply: 'text',
  async handle({ params, db, locale }) {
    const id = parseId(params.session);
    const session = id === null ? undefined : await findSession(db, id);
    if (!session) throw new RouteError(404, { key: 'errors.notFound' });
    const rows = await listSessionLinks(db, session.id);
    const t = await translatorFor(locale);
    const head = ['name', 'email', 'account', 'language', 'opted_out', 'link', 'status'].map((c) => t(`programs.mailMerge.${c}`));
    const base = appUrl().replace(/\/$/, '');
    return csvDownload(
      `program-${session.programId}-session-${session.id}-links.csv`,
      head,
      rows.map((r) => [protectFormula(r.contactName), r.email, protectFormula(r.accountName), r.language ?? '', r.optedOut ? 'yes' : '', `${base}/r/${r.token}`, t(`programs.statuses.${r.status}`)]),
    );
  },
});
