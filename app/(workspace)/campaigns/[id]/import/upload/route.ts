import { revalidatePath } from 'next/cache';
import { findCampaign } from '@/db/queries/campaigns';
import { formDataToObject, invalidInput } from '@/lib/actions/validation';
import { notFoundError } from '@/lib/actions/result';
import { assertRunnable } from '@/lib/import/read-file';
import { readImportUpload } from '@/lib/routes/import-upload';
import { route } from '@/lib/routes/route';
import { campaignImportInputs, commitCampaignImport, prepareCampaignImport } from '@/lib/server/campaign-import';

// POST /campaigns/{id}/import/upload (multipart: file, mapping,
// intent=preview|run, mode): a sending tool's export of a campaign's
// outcomes. A run writes every new event in one statement (with a touch per
// delivery) and its import record and audit row in the same transaction;
// events the campaign already has change nothing.

export const POST = route<{ id: string }>({
  name: 'campaign.import',
  permission: 'campaigns.manage',
  reply: 'json',
  async handle({ request, params, db, user, write, json }) {
    const id = Number(params.id);
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(db, id) : undefined;
    if (!campaign) throw notFoundError();
    const form = await readImportUpload(request);
    const run = form.get('intent') === 'run';
    const parsed = campaignImportInputs.run.safeParse({ mode: 'all', ...formDataToObject(form) });
    if (!parsed.success) return json(invalidInput(parsed.error), { status: 400 });
    const { preview, events } = await prepareCampaignImport(db, campaign.id, parsed.data);
    if (!run) return json({ ok: true, data: preview });

    const { mode } = parsed.data;
    assertRunnable(preview, mode);
    const result = await write((tx, audit) => commitCampaignImport(tx, { campaign, preview, events, mode, userId: user.id }, audit));
    revalidatePath(`/campaigns/${campaign.id}`);
    return json({ ok: true, data: result });
  },
});
