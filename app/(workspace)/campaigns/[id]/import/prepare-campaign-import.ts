import 'server-only';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { countStoredCampaignEvents, loadRecipients } from '@/db/queries/campaigns';
import { getWorkspace } from '@/db/queries/workspace';
import { recipientLookupKeys, recipientMatcher } from '@/lib/campaigns/events';
import { autoCampaignMapping, campaignImportColumns, campaignMappingErrors, checkCampaignRows, fileDayOrder, matchCampaignRows, type CampaignImportColumn } from '@/lib/campaigns/import-plan';
import { addProblems, importInputs, inSlices, pause, previewOf, readImportFile, type ImportPreview } from '@/lib/import/read-file';

// What the preview and the import of a campaign export share: read the
// file, map its columns, check every row, match each to a contact or an
// account, and count the events the campaign already has. The import runs
// these again rather than trusting what the preview showed.

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
