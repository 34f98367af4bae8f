'use server';

import { auditMany } from '@/db/queries/audit';
import { activeUserIds, insertActivities, type NewActivity } from '@/db/queries/activities';
import { lockAccountsForPlan } from '@/db/queries/plan';
import { getWorkspace } from '@/db/queries/workspace';
import { assertOwnerIsCsm } from '@/lib/server/account-write';
import { action } from '@/lib/actions/action';
import { ActionError, notFoundError } from '@/lib/actions/result';
import { assertCanEditAccount, canManageAccounts, ownerFor } from '@/lib/auth/access';
import { todayIn } from '@/lib/dates';
import { planFor } from '@/lib/server/plan';
import { proposalKey } from '@/lib/planning/propose';
import { zonedToUtc } from '@/lib/scheduling/zoned';
import { createPlannedActivitiesInput } from '@/lib/validation/plan';

/**
 * Creates the proposals the CSM kept. The accounts are locked and the plan is
 * worked out again here, so only what is still uncovered is created: a second
 * click, a second tab or a colleague planning the same accounts creates no
 * duplicates. All activities go in one statement.
 */
export const createPlannedActivities = action({
  name: 'activity.plan',
  permission: 'activities.plan',
  input: createPlannedActivitiesInput,
  revalidate: ['/accounts', '/plan'],
  async run({ user, input, tx }) {
    if (!input.rows.length) throw new ActionError({ key: 'plan.errors.nothingKept' });
    const timeZone = user.timeZone ?? (await getWorkspace(tx)).timeZone;
    const today = todayIn(timeZone);
    if (input.today !== today) throw new ActionError({ key: 'plan.errors.stale' });

    const ids = [...new Set(input.rows.map((r) => r.accountId))];
    const accounts = await lockAccountsForPlan(tx, ids);
    if (accounts.length !== ids.length) throw notFoundError();
    // CSMs plan accounts they own, for themselves; managers and admins any account, for its owner or a CSM they choose.
    for (const account of accounts) assertCanEditAccount(user, account);
    const ownerOf = new Map(accounts.map((a) => [a.id, ownerFor(user, input.ownerId, a.ownerId)]));
    if ([...ownerOf.values()].some((o) => o === null)) throw new ActionError({ key: 'activities.ownerRequired' }, 'ownerId');
    // Whoever runs them must be an active CSM (an account may still name a deactivated one).
    if (canManageAccounts(user)) for (const owner of new Set(ownerOf.values())) await assertOwnerIsCsm(tx, owner!);

    input.rows.forEach((row, i) => {
      if (row.date < today) throw new ActionError({ key: 'plan.errors.datePast' }, `rows.${i}.date`);
    });

    const { proposals, lastOfType } = await planFor(tx, { accountIds: ids }, { today, horizonMonths: input.horizon, timeZone });
    const open = new Set(proposals.map(proposalKey));
    // Place, people and agenda follow the account's last activity of the type, read here rather than taken from the form.
    // Colleagues who have left since are dropped, and whoever runs it is not listed as joining.
    const colleagueIds = [...new Set([...lastOfType.values()].flatMap((l) => l.internalAttendees))];
    const active = new Set(await activeUserIds(tx, colleagueIds));
    const values: NewActivity[] = [];
    for (const row of input.rows) {
      const key = proposalKey(row);
      // Already covered (created meanwhile, or kept twice in this request): skip it.
      if (!open.delete(key)) continue;
      const last = lastOfType.get(`${row.accountId}:${row.activityTypeId}`);
      const ownerId = ownerOf.get(row.accountId)!;
      values.push({
        accountId: row.accountId,
        activityTypeId: row.activityTypeId,
        ownerId,
        startsAt: zonedToUtc(row.date, row.time, timeZone),
        durationMinutes: row.durationMinutes,
        timeZone,
        executiveSponsor: row.executiveSponsor,
        location: last?.location ?? null,
        agenda: last?.agenda ?? null,
        customerAttendees: last?.customerAttendees ?? [],
        internalAttendees: (last?.internalAttendees ?? []).filter((id) => id !== ownerId && active.has(id)),
        plannedDue: row.due,
        createdBy: user.id,
      });
    }
    const created = await insertActivities(tx, values);

    // One audit row per account, so each account's timeline shows what was planned for it.
    const byAccount = new Map<number, { activityId: number; type: number; due: string; startsAt: Date }[]>();
    values.forEach((v, i) => {
      const list = byAccount.get(v.accountId) ?? [];
      list.push({ activityId: created[i]!, type: v.activityTypeId, due: v.plannedDue!, startsAt: v.startsAt });
      byAccount.set(v.accountId, list);
    });
    await auditMany(
      tx,
      [...byAccount].map(([accountId, activities]) => ({
        actorId: user.id,
        action: 'activity.plan',
        entity: 'account',
        entityId: accountId,
        after: { ownerId: ownerOf.get(accountId), activities },
      })),
    );
    return { created: created.length, skipped: input.rows.length - created.length };
  },
});
