import { endExpiredOverrides } from '@/db/queries/tier-history';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { countExportRows } from '@/db/queries/account-export';
import { writeAudit } from '@/db/queries/audit';
import { getWorkspace } from '@/db/queries/workspace';
import { parseAccountFilters, type SearchParams } from '@/lib/accounts/list-params';
import { getCurrentUser } from '@/lib/auth/current-user';
import { todayIn } from '@/lib/dates';
import { localeCookie, resolveLocale } from '@/lib/i18n/locales';
import { accountCsvStream } from './account-csv';

// GET /accounts/export?<the account list's filters>: the filtered accounts
// as CSV, streamed page by page (account-csv.ts writes the body). Here: who
// asks, which filters, the audit row, and the reader's language.

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to export accounts.\n', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

  const url = new URL(request.url);
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
  const filters = parseAccountFilters(params, user);
  const db = await getDb();
  const workspace = await getWorkspace(db);
  // The file should say what the account page says: overrides past their end date have ended.
  await endExpiredOverrides(db, todayIn(workspace.timeZone));
  // Audited before the first byte, so an export cut short is still on record.
  const filter = { q: filters.q, tiers: filters.tiers, ownerId: filters.ownerId, stage: filters.stage, renewalWithinDays: filters.renewalWithinDays, tierSource: filters.tierSource };
  await writeAudit(db, { actorId: user.id, action: 'account.export', entity: 'account', after: { filter, rows: await countExportRows(db, filters) } });

  const locale = resolveLocale(user.locale, (await cookies()).get(localeCookie)?.value, request.headers.get('accept-language'));
  const body = await accountCsvStream(db, filters, { locale, currency: workspace.currency });
  const filename = `accounts-${todayIn(user.timeZone ?? workspace.timeZone)}.csv`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
