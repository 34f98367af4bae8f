'use server';

import { sql } from 'drizzle-orm';
import { findAccount } from '@/db/queries/accounts';
import { writeHealth } from '@/db/queries/health';
import { currentHealthModel, savePulse } from '@/db/queries/health-read';
import { getWorkspace } from '@/db/queries/workspace';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { assertCanEditAccount } from '@/lib/auth/access';
import { todayIn } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { setPulseInput } from '@/lib/validation/pulse';

/**
 * Sets the CSM's pulse on an account (green, yellow, red, with a note), or
 * clears it; it counts for the workspace's pulse days. The account's score
 * is worked out again at once.
 */
export const setAccountPulse = action({
  name: 'account.pulse',
  permission: 'accounts.write',
  input: setPulseInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const account = await findAccount(tx, input.accountId);
    if (!account) throw notFoundError();
    assertCanEditAccount(user, account);
    const workspace = await getWorkspace(tx);
    const today = todayIn(workspace.timeZone);
    const saved = await savePulse(tx, { ...input, setBy: user.id, expiresOn: addDays(today, workspace.pulseDays - 1) });
    if (!saved) throw new ActionError({ key: 'health.pulse.conflict' });
    await audit({ action: 'account.pulse', entity: 'account', entityId: account.id, after: { pulse: input.pulse, note: input.note } });
    await writeHealth(tx, { accountIds: sql`select ${account.id}::int`, from: today, to: today, today, timeZone: workspace.timeZone, model: await currentHealthModel(tx) });
  },
});
