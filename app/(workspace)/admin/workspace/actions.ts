'use server';

import { economicsSettings, getWorkspace, saveWorkspace, type Workspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError } from '@/lib/actions/result';
import { moneyRuleError } from '@/lib/currencies';
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
    const values = {
      ...fields,
      holidayCountry: fields.holidayCountry ?? before.holidayCountry,
      closedDays: fields.closedDays ?? before.closedDays,
      coverageGraceDays: fields.coverageGraceDays ?? before.coverageGraceDays,
      eventRetentionMonths: fields.eventRetentionMonths ?? before.eventRetentionMonths,
      pulseDays: fields.pulseDays ?? before.pulseDays,
      ...(Object.fromEntries(economicsSettings.map((k) => [k, fields[k] ?? before[k]])) as Pick<Workspace, (typeof economicsSettings)[number]>),
    };
    // Costs typed in the currency saved with them, in its own minor units (whole yen); the form always sends them.
    for (const k of ['csmHourCost', 'tier1ToolingCost', 'tier2ToolingCost', 'tier3ToolingCost'] as const) {
      const error = moneyRuleError(fields[k], values.currency);
      if (error) throw new ActionError(error, k);
    }
    const after = await saveWorkspace(tx, values, version);
    if (!after) throw conflictError();
    const keys = ['name', 'currency', 'timeZone', 'fiscalYearStartMonth', 'holidayCountry', 'closedDays', 'coverageGraceDays', 'eventRetentionMonths', 'pulseDays', ...economicsSettings] as const;
    await audit({ action: 'workspace.update', entity: 'workspace', entityId: 1, ...changedFields(before, after, keys, (a, b) => JSON.stringify(a) === JSON.stringify(b)) });
    return { version: after.version };
  },
});
