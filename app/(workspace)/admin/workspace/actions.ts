'use server';

import { getWorkspace, saveWorkspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { conflictError } from '@/lib/actions/result';
import { changedFields } from '@/lib/audit-diff';
import { updateWorkspaceInput } from '@/lib/validation/workspace';

export const updateWorkspace = action({
  name: 'workspace.update',
  permission: 'workspace.manage',
  input: updateWorkspaceInput,
  revalidate: ['/'],
  async run({ input, tx, audit }) {
    const { version, ...fields } = input;
    const before = await getWorkspace(tx);
    // Holidays and closed days not sent stay as they are (null: still the country's defaults).
    const values = { ...fields, holidayCountry: fields.holidayCountry ?? before.holidayCountry, closedDays: fields.closedDays ?? before.closedDays, coverageGraceDays: fields.coverageGraceDays ?? before.coverageGraceDays };
    const after = await saveWorkspace(tx, values, version);
    if (!after) throw conflictError();
    const keys = ['name', 'currency', 'timeZone', 'fiscalYearStartMonth', 'holidayCountry', 'closedDays', 'coverageGraceDays'] as const;
    await audit({ action: 'workspace.update', entity: 'workspace', entityId: 1, ...changedFields(before, after, keys, (a, b) => JSON.stringify(a) === JSON.stringify(b)) });
    return { version: after.version };
  },
});
