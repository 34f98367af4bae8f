import { revalidatePath } from 'next/cache';
import { findCampaign, insertCampaignImport, recordCampaignEvents } from '@/db/queries/campaigns';
import { formDataToObject, invalidInput } from '@/lib/actions/validation';
import { notFoundError } from '@/lib/actions/result';
import { assertRunnable, type ImportResult } from '@/lib/import/read-file';
import { readImportUpload } from '@/lib/routes/import-upload';
import { route } from '@/lib/routes/route';
import { campaignImportInputs, prepareCampaignImport } from '../prepare-campaign-import';

// POST /campaigns/{id}/import/upload (multipart: file, mapping,
// intent=preview|run, mode): a sending tool's export of a campaign's
// outcomes. A run writes every new event in one statement (with a touch per
// delivery) and its import record and audit row in the same transaction;
// events the campaign already has change nothing.

const noStore = { 'Cache-Control': 'no-store' };

export const POST = route<{ id: string }>({
  name: 'campaign.import',
  permission: 'campaigns.manage',
  reply: 'json',
  async handle({ request, params, db, user, write }) {
    const id = Number(params.id);
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(db, id) : undefined;
    if (!campaign) throw notFoundError();
    const form = await readImportUpload(request);
    const run = form.get('intent') === 'run';
    const parsed = campaignImportInputs.run.safeParse({ mode: 'all', ...formDataToObject(form) });
    if (!parsed.success) return Response.json(invalidInput(parsed.error), { status: 400, headers: noStore });
    const { preview, events } = await prepareCampaignImport(db, campaign.id, parsed.data);
    if (!run) return Response.json({ ok: true, data: preview }, { headers: noStore });

    const { mode } = parsed.data;
    assertRunnable(preview, mode);
    const result = await write(async (tx, audit) => {
      const { added, delivered } = await recordCampaignEvents(tx, campaign.id, events, 'import');
      const counts = { rows: preview.totalRows, added, duplicates: events.length - added, skipped: preview.invalidRows };
      await insertCampaignImport(tx, { campaignId: campaign.id, fileName: preview.fileName, ...counts, importedBy: user.id });
      await audit({ action: 'campaign.import', entity: 'campaign', entityId: String(campaign.id), after: { name: campaign.name, file: preview.fileName, encoding: preview.encoding, mode, ...counts, deliveries: delivered } });
      return { created: added, updated: 0, unchanged: counts.duplicates, skipped: counts.skipped } satisfies ImportResult;
    });
    revalidatePath(`/campaigns/${campaign.id}`);
    return Response.json({ ok: true, data: result }, { headers: noStore });
  },
});
