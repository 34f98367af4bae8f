import { countExportRows } from '@/db/queries/account-export';
import { getWorkspace } from '@/db/queries/workspace';
import { parseAccountFilters } from '@/lib/accounts/list-params';
import type { SearchParams } from '@/lib/url-params';
import { todayIn } from '@/lib/dates';
import { route } from '@/lib/routes/route';
import { accountCsvStream } from './account-csv';

// GET /accounts/export?<the account list's filters>: the filtered accounts
// as CSV, streamed page by page (account-csv.ts writes the body). Here:
// which filters, the audit row, and the reader's language.

export const GET = route({
  name: 'account.export',
  permission: 'accounts.export',
  reply: 'text',
  async handle({ request, user, db, locale, write }) {
    const url = new URL(request.url);
    const params: SearchParams = {};
    for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
    const filters = parseAccountFilters(params, user);
    const workspace = await getWorkspace(db);
    // Audited before the first byte, so an export cut short is still on record.
    const filter = { q: filters.q, tiers: filters.tiers, ownerId: filters.ownerId, stage: filters.stage, renewalWithinDays: filters.renewalWithinDays, tierSource: filters.tierSource, health: filters.health };
    await write(async (tx, audit) => audit({ action: 'account.export', entity: 'account', after: { filter, rows: await countExportRows(tx, filters) } }));

    const body = await accountCsvStream(db, filters, { locale, currency: workspace.currency });
    const filename = `accounts-${todayIn(user.timeZone ?? workspace.timeZone)}.csv`;
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  },
});
