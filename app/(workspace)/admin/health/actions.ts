'use server';

import { previewModel } from '@/db/queries/health';
import { insertHealthModel, invalidateHealthRun } from '@/db/queries/health-read';
import { getWorkspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { todayIn } from '@/lib/dates';
import { healthModelInput } from '@/lib/validation/health-model';

/** What a model edit would do, from today's signals: bands before and after, and the accounts that move. Writes nothing. */
export const previewHealthModel = action({
  name: 'health_model.preview',
  permission: 'health.manage',
  input: healthModelInput,
  run: ({ input, tx }) => previewModel(tx, input),
});

/** Applies the edit as the next version, unless someone applied one since; every score follows within a minute (history keeps the old model's days). */
export const applyHealthModel = action({
  name: 'health_model.apply',
  permission: 'health.manage',
  input: healthModelInput,
  revalidate: ['/admin/health', '/accounts'],
  run: async ({ input, user, tx, audit }) => {
    const version = await insertHealthModel(tx, { components: input.components, poorMax: input.poorMax, averageMax: input.averageMax, note: input.note, createdBy: user.id, expectedVersion: input.expectedVersion });
    if (version === null) throw new ActionError({ key: 'health.model.conflict' });
    await invalidateHealthRun(tx, todayIn((await getWorkspace(tx)).timeZone));
    await audit({ action: 'health_model.apply', entity: 'health_model', entityId: String(version), after: { version, components: input.components, poorMax: input.poorMax, averageMax: input.averageMax, note: input.note } });
    return { version };
  },
});
