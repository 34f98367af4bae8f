'use server';

import { z } from 'zod';
import { campaignKeyInUse, findCampaign, goalEventOptions, insertCampaign, updateCampaign as saveCampaign } from '@/db/queries/campaigns';
import { countAudience } from '@/db/queries/content';
import { campaignAudienceFilters } from '@/lib/campaigns/audience';
import { str } from '@/lib/validation/input';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { createCampaignInput, updateCampaignInput, type CampaignInput } from '@/lib/validation/campaign';
import type { Tx } from '@/db/client';

const values = (c: CampaignInput) => ({
  key: c.key,
  name: c.name,
  channel: c.channel,
  tool: c.tool,
  audience: c.audience,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  goalEvent: c.goalEvent,
  goalWindowDays: c.goalWindowDays,
});

/** A goal must be one of the mapped signals (Admin → Signals). */
async function assertGoal(tx: Tx, goalEvent: string | null) {
  if (goalEvent !== null && !(await goalEventOptions(tx)).some((o) => o.event === goalEvent)) throw new ActionError({ key: 'campaigns.errors.goalEvent' }, 'goalEvent');
}

export const createCampaign = action({
  name: 'campaign.create',
  permission: 'campaigns.manage',
  input: createCampaignInput,
  revalidate: ['/campaigns'],
  run: async ({ input, user, tx, audit }) => {
    await assertGoal(tx, input.goalEvent);
    const row = await insertCampaign(tx, { ...values(input), createdBy: user.id });
    if (!row) throw new ActionError({ key: 'campaigns.errors.keyTaken' }, 'key');
    await audit({ action: 'campaign.create', entity: 'campaign', entityId: String(row.id), after: { ...values(input), version: row.version } });
    return { id: row.id };
  },
});

/** Saves an edit unless someone saved the campaign since it was opened. */
export const updateCampaign = action({
  name: 'campaign.update',
  permission: 'campaigns.manage',
  input: updateCampaignInput,
  revalidate: ['/campaigns'],
  run: async ({ input, tx, audit }) => {
    const before = await findCampaign(tx, input.id);
    if (!before) throw new ActionError({ key: 'errors.notFound' });
    // A goal already chosen stays valid even if its mapping was removed since.
    if (input.goalEvent !== before.goalEvent) await assertGoal(tx, input.goalEvent);
    // Senders post to the key's address and alert webhooks carry it: once in use, it stays.
    if (input.key !== before.key && (await campaignKeyInUse(tx, input.id))) throw new ActionError({ key: 'campaigns.errors.keyLocked' }, 'key');
    const saved = await saveCampaign(tx, input.id, input.expectedVersion, values(input));
    if (saved === 'missing') throw new ActionError({ key: 'errors.notFound' });
    if (saved === 'conflict') throw new ActionError({ key: 'campaigns.errors.conflict' });
    if (saved === 'keyTaken') throw new ActionError({ key: 'campaigns.errors.keyTaken' }, 'key');
    const { id, ...was } = before;
    void id;
    await audit({ action: 'campaign.update', entity: 'campaign', entityId: String(saved.id), before: was, after: { ...values(input), version: saved.version } });
    return { id: saved.id, version: saved.version };
  },
});

/** How many accounts (and contacts) the audience being edited reaches. Writes nothing. */
export const previewCampaignAudience = action({
  name: 'campaign.audience',
  permission: 'campaigns.manage',
  input: z.object({ audience: str().max(2000, 'validation.tooLong') }),
  run: ({ input, tx }) => countAudience(tx, campaignAudienceFilters(input.audience)),
});
