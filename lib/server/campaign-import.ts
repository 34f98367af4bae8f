import type { z } from 'zod';
import type { DbOrTx, Tx } from '@/db/client';
import type { AuditEntry } from '@/db/queries/audit';
import { countStoredCampaignEvents, insertCampaignImport, loadRecipients, recordCampaignEvents, type CampaignRow } from '@/db/queries/campaigns';
import { getWorkspace } from '@/db/queries/workspace';
import { recipientLookupKeys, recipientMatcher } from '@/lib/campaigns/events';
import { autoCampaignMapping, campaignImportColumns, campaignMappingErrors, checkCampaignRows, fileDayOrder, matchCampaignRows, type CampaignImportColumn } from '@/lib/campaigns/import-plan';
import type { CampaignEventRow } from '@/lib/campaigns/import-plan';
import { addProblems, importInputs, inSlices, pause, previewOf, readImportFile, type ImportPreview, type ImportResult } from '@/lib/import/read-file';

// What the preview and the import of a campaign export share: read the
// file, map its columns, check every row, match each to a contact or an
// account, and count the events the campaign already has. The import runs
// these again rather than trusting what the preview showed. No
// `server-only`: the demo seed imports its campaigns' exports through it.

export const campaignImportInputs = importInputs(campaignImportColumns);
export type CampaignImportPreview = ImportPreview<CampaignImportColumn>;

export async function prepareCampaignImport(db: DbOrTx, campaignId: number, input: z.output<typeof campaignImportInputs.preview>) {
  const read = await readImportFile(input, autoCampaignMapping, 'campaign.csv');
  const problems = campaignMappingErrors(read.mapping);
  await pause();
  const timeCol = read.mapping.indexOf('occurred_at');
  const order = fileDayOrder(timeCol < 0 ? [] : read.rows.map((r) => r.cells[timeCol] ?? ''));
  const checked = problems.length ? [] : await inSlices(read.rows, (slice) => checkCampaignRows(read.headers, slice, read.mapping, order));
  addProblems(checked, read.problems);
  const match = recipientMatcher(await loadRecipients(db, recipientLookupKeys(checked.filter((r) => !r.errors.length))));
  const { timeZone } = await getWorkspace(db);
  const events = matchCampaignRows(checked, match, timeZone);
  const stored = await countStoredCampaignEvents(db, campaignId, events);
  // Rows already in the campaign show as "to update, unchanged": importing them changes nothing.
  const preview: CampaignImportPreview = previewOf(read, problems, checked, { creates: events.slice(stored), updates: [], unchanged: stored });
  return { preview, events };
}

/**
 * Writes a checked import in the caller's transaction: every new event in
 * one statement (a touch per delivery), the import's record and its audit
 * row; events the campaign already has change nothing.
 */
export async function commitCampaignImport(
  tx: Tx,
  o: { campaign: Pick<CampaignRow, 'id' | 'name'>; preview: CampaignImportPreview; events: readonly CampaignEventRow[]; mode: 'all' | 'validOnly'; userId: number },
  audit: (entry: Omit<AuditEntry, 'actorId'>) => Promise<void>,
): Promise<ImportResult> {
  const { campaign, preview, events } = o;
  const { added, delivered } = await recordCampaignEvents(tx, campaign.id, events, 'import');
  const counts = { rows: preview.totalRows, added, duplicates: events.length - added, skipped: preview.invalidRows };
  await insertCampaignImport(tx, { campaignId: campaign.id, fileName: preview.fileName, ...counts, importedBy: o.userId });
  await audit({ action: 'campaign.import', entity: 'campaign', entityId: String(campaign.id), after: { name: campaign.name, file: preview.fileName, encoding: preview.encoding, mode: o.mode, ...counts, deliveries: delivered } });
  return { created: added, updated: 0, unchanged: counts.duplicates, skipped: counts.skipped };
}
