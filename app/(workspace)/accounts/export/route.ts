import { cookies } from 'next/headers';
import { createTranslator } from 'next-intl';
import { getDb } from '@/db/client';
import { countExportRows, exportBatch, exportBatchSize, type ExportRow } from '@/db/queries/account-export';
import { writeAudit } from '@/db/queries/audit';
import { getWorkspace } from '@/db/queries/workspace';
import { importColumns } from '@/lib/accounts/import-plan';
import { parseAccountFilters, type SearchParams } from '@/lib/accounts/list-params';
import { getCurrentUser } from '@/lib/auth/current-user';
import { csvLine, protectFormula, utf8Bom } from '@/lib/csv/write';
import { todayIn } from '@/lib/dates';
import { localeCookie, resolveLocale, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { TierReason } from '@/lib/tiering/compute';
import { describeTierReason } from '@/lib/tiering/reason-text';

// GET /accounts/export?<the account list's filters>: the filtered accounts
// as CSV. The import columns come first, so the file can be edited and
// imported back; ltv and the tier columns after them are for reading and
// are ignored by the import. Streamed page by page: memory stays flat
// however many accounts there are.

const columns = [...importColumns, 'ltv', 'tier', 'tier_source', 'tier_reason'];

const text = (value: string | null) => (value === null ? null : protectFormula(value));

async function reasonWriter(locale: Locale, currency: string) {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as never, namespace: 'tierReason' as never });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return (row: ExportRow) =>
    describeTierReason(row.tierReason as TierReason, row.tier, (key, values) => t(key as never, values as never), (v) => money.format(v as `${number}`));
}

function cells(row: ExportRow, reason: (row: ExportRow) => string) {
  return [
    text(row.externalId),
    text(row.name),
    row.domain,
    text(row.industry),
    row.employees,
    row.arr,
    row.grossMarginPct,
    row.annualChurnPct,
    row.growthPotential,
    row.churnRisk,
    row.lifecycleStage,
    row.renewalDate,
    row.ownerEmail,
    row.ltv,
    row.tier,
    row.tierSource,
    text(reason(row)),
  ];
}

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to export accounts.\n', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

  const url = new URL(request.url);
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
  const filters = parseAccountFilters(params, user);
  const db = await getDb();
  const workspace = await getWorkspace(db);
  // Audited before the first byte, so an export cut short is still on record.
  const filter = { q: filters.q, tiers: filters.tiers, ownerId: filters.ownerId, stage: filters.stage, renewalWithinDays: filters.renewalWithinDays, tierSource: filters.tierSource };
  await writeAudit(db, { actorId: user.id, action: 'account.export', entity: 'account', after: { filter, rows: await countExportRows(db, filters) } });

  const locale = resolveLocale(user.locale, (await cookies()).get(localeCookie)?.value, request.headers.get('accept-language'));
  const reason = await reasonWriter(locale, workspace.currency);
  const encoder = new TextEncoder();
  let afterId: number | null = null;
  const body = new ReadableStream<Uint8Array>({
    // Pulled one page at a time as the client reads: a slow download holds back the queries, not memory.
    async pull(controller) {
      if (afterId === null) {
        afterId = 0;
        controller.enqueue(encoder.encode(utf8Bom + csvLine(columns)));
        return;
      }
      const batch = await exportBatch(db, filters, afterId);
      if (batch.length) {
        afterId = batch[batch.length - 1]!.id;
        controller.enqueue(encoder.encode(batch.map((row) => csvLine(cells(row, reason))).join('')));
      }
      if (batch.length < exportBatchSize) controller.close();
    },
  });
  const filename = `accounts-${todayIn(user.timeZone ?? workspace.timeZone)}.csv`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
