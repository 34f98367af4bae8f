import { createTranslator } from 'next-intl';
import type { DbOrTx } from '@/db/client';
import { exportBatch, exportBatchSize, type ExportRow } from '@/db/queries/account-export';
import type { AccountFilters } from '@/lib/accounts/filters';
import { importColumns } from '@/lib/accounts/import-plan';
import { csvLine, protectFormula, utf8Bom } from '@/lib/csv/write';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { tierStandingLine } from '@/lib/tiering/reason-text';
import { plainAmount } from '@/lib/currencies';
import { formatMoney } from '@/lib/format';
import { loose } from '@/lib/i18n/loose';

// The body of the CSV export (route.ts), apart from the request: the import
// columns first, so the file can be edited and imported back; ltv and the
// tier columns after them are for reading and are ignored by the import.
// Streamed page by page: memory stays flat however many accounts there are.

const columns = [...importColumns, 'ltv', 'tier', 'tier_source', 'tier_reason'];

const text = (value: string | null) => (value === null ? null : protectFormula(value));

/** The tier_reason cell: what the account page says, overrides included. */
async function reasonWriter(locale: Locale, currency: string) {
  const t = loose(createTranslator({ locale, messages: await loadMessages(locale) }));
  // The reason is prose, written as the account page writes it; the amount columns stay plain.
  return (row: ExportRow) => tierStandingLine(row, t, (v) => formatMoney(v, currency, locale));
}

function cells(row: ExportRow, reason: (row: ExportRow) => string, currency: string) {
  return [
    text(row.externalId),
    text(row.name),
    text(row.domain),
    text(row.industry),
    row.employees,
    row.arr === null ? null : plainAmount(row.arr, currency),
    row.grossMarginPct,
    row.annualChurnPct,
    row.growthPotential,
    row.churnRisk,
    row.lifecycleStage,
    row.renewalDate,
    text(row.ownerEmail),
    row.ltv === null ? null : plainAmount(row.ltv, currency),
    row.tier,
    row.tierSource,
    text(reason(row)),
  ];
}

/** The filtered accounts as UTF-8 CSV with a BOM, read from the database one page at a time as the stream is read. */
export async function accountCsvStream(db: DbOrTx, filters: AccountFilters, opts: { locale: Locale; currency: string }): Promise<ReadableStream<Uint8Array>> {
  const reason = await reasonWriter(opts.locale, opts.currency);
  const encoder = new TextEncoder();
  let afterId: number | null = null;
  return new ReadableStream<Uint8Array>({
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
        controller.enqueue(encoder.encode(batch.map((row) => csvLine(cells(row, reason, opts.currency))).join('')));
      }
      if (batch.length < exportBatchSize) controller.close();
    },
  });
}
