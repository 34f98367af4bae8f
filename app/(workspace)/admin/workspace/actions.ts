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
    const { version, ...values } = input;
    const before = await getWorkspace(tx);
    const after = await saveWorkspace(tx, values, version);
    if (!after) throw conflictError();
    const keys = ['name', 'currency', 'timeZone', 'fiscalYearStartMonth'] as const;
    await audit({ action: 'workspace.update', entity: 'workspace', entityId: 1, ...changedFields(before, after, keys) });
    return { version: after.version };
  },
});
