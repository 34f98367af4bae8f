'use server';

import { and, eq } from 'drizzle-orm';
import { findAccount, insertAccount, reassignMatching, reassignOwners, updateAccount } from '@/db/queries/accounts';
import { parseAccountFilters } from '@/lib/accounts/list-params';
import { currentPolicy, lockPoliciesShared } from '@/db/queries/tier-policies';
import { insertTierHistory, overrideColumnsCleared } from '@/db/queries/tier-history';
import { tierOverrideRequests } from '@/db/schema';
import type { Tx } from '@/db/client';
import { getWorkspace } from '@/db/queries/workspace';
import { moneyRuleError } from '@/lib/currencies';
import { applyOverride, assertOwnerIsCsm, auditReassigned, assertUniqueKeys, workspaceToday } from '@/lib/server/account-write';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { changedFields, sameDecimal } from '@/lib/audit-diff';
import { assertCanEditAccount, canManageAccounts, ownerFor } from '@/lib/auth/access';
import { isOverrideActive } from '@/lib/tiering/compute';
import { tierColumns } from '@/lib/tiering/tier-columns';
import type { Tier } from '@/lib/tiering/policy';
import {
  clearOverrideInput,
  createAccountInput,
  decideOverrideInput,
  reassignInput,
  requestOverrideInput,
  setOverrideInput,
  updateAccountInput,
} from '@/lib/validation/account';

const editable = [
  'name',
  'domain',
  'externalId',
  'industry',
  'employees',
  'arr',
  'grossMarginPct',
  'annualChurnPct',
  'growthPotential',
  'churnRisk',
  'lifecycleStage',
  'renewalDate',
  'ownerId',
  'notes',
] as const;

/** ARR in the workspace currency's own minor units: whole yen, cents for dollars. */
async function assertArrFitsCurrency(tx: Tx, arr: string | null): Promise<void> {
  const error = moneyRuleError(arr, (await getWorkspace(tx)).currency);
  if (error) throw new ActionError(error, 'arr');
}

export const createAccount = action({
  name: 'account.create',
  permission: 'accounts.write',
  input: createAccountInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    await assertArrFitsCurrency(tx, input.arr);
    await lockPoliciesShared(tx);
    // A CSM's new account is in their own book; managers and admins choose.
    const ownerId = ownerFor(user, input.ownerId);
    if (canManageAccounts(user)) await assertOwnerIsCsm(tx, ownerId);
    await assertUniqueKeys(tx, input.domain, input.externalId);
    const policy = await currentPolicy(tx);
    const cols = tierColumns(input, null, policy, await workspaceToday(tx));
    const id = await insertAccount(tx, { ...input, ownerId, ...cols });
    await insertTierHistory(tx, [
      { accountId: id, actorId: user.id, kind: 'created', fromTier: null, toTier: cols.tier, reason: cols.tierReason, policyVersion: policy.version },
    ]);
    await audit({ action: 'account.create', entity: 'account', entityId: id, after: { ...input, ownerId, tier: cols.tier } });
    return { id };
  },
});

export const updateAccountDetails = action({
  name: 'account.update',
  permission: 'accounts.write',
  input: updateAccountInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    await assertArrFitsCurrency(tx, input.arr);
    await lockPoliciesShared(tx);
    const before = await findAccount(tx, input.id, { forUpdate: true });
    if (!before) throw notFoundError();
    assertCanEditAccount(user, before);
    // Only managers and admins move an account to another book.
    const ownerId = canManageAccounts(user) ? input.ownerId : before.ownerId;
    if (ownerId !== before.ownerId) await assertOwnerIsCsm(tx, ownerId);
    await assertUniqueKeys(tx, input.domain, input.externalId, input.id);
    const policy = await currentPolicy(tx);
    const today = await workspaceToday(tx);
    const override = before.overrideTier ? { tier: before.overrideTier as Tier, until: before.overrideUntil } : null;
    // An override whose end date has passed ends with this save, not later.
    const overrideEnded = override !== null && !isOverrideActive(override, today);
    const { id, version, ...values } = { ...input, ownerId };
    const cols = tierColumns(values, override, policy, today);
    if (!(await updateAccount(tx, id, version, { ...values, ...cols, ...(overrideEnded ? overrideColumnsCleared : {}) }))) throw conflictError();
    if (cols.tier !== before.tier || cols.computedTier !== before.computedTier) {
      await insertTierHistory(tx, [
        { accountId: id, actorId: user.id, kind: 'computed', fromTier: before.tier, toTier: cols.tier, reason: cols.tierReason, policyVersion: policy.version },
      ]);
    }
    await audit({ action: 'account.update', entity: 'account', entityId: id, ...changedFields(before, { ...before, ...values }, editable, sameDecimal) });
    return { id };
  },
});

export const reassignAccounts = action({
  name: 'account.reassign',
  permission: 'accounts.reassign',
  input: reassignInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx }) {
    await assertOwnerIsCsm(tx, input.ownerId);
    let moved;
    if (input.matching !== undefined) {
      const filters = parseAccountFilters(Object.fromEntries(new URLSearchParams(input.matching)), user);
      moved = await reassignMatching(tx, filters, input.ownerId);
      // The list changed since it was shown: move nothing the user did not see counted.
      if (moved.length !== input.expected) throw new ActionError({ key: 'accounts.matchingChanged', values: { count: moved.length } });
    } else {
      moved = await reassignOwners(tx, input.ids, input.ownerId);
      if (moved.length !== new Set(input.ids).size) throw notFoundError();
    }
    await auditReassigned(tx, user.id, moved, input.ownerId);
    return { count: moved.length };
  },
});

export const setTierOverride = action({
  name: 'account.override',
  permission: 'tier.override',
  input: setOverrideInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    await lockPoliciesShared(tx);
    const account = await findAccount(tx, input.id, { forUpdate: true });
    if (!account) throw notFoundError();
    if (account.version !== input.version) throw conflictError();
    await applyOverride(tx, account, { tier: input.tier as Tier, reason: input.reason, until: input.until }, user.id, await workspaceToday(tx));
    await audit({
      action: 'account.override',
      entity: 'account',
      entityId: account.id,
      before: { tier: account.tier },
      after: { tier: input.tier, reason: input.reason, until: input.until },
    });
  },
});

export const clearTierOverride = action({
  name: 'account.clear_override',
  permission: 'tier.override',
  input: clearOverrideInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    await lockPoliciesShared(tx);
    const account = await findAccount(tx, input.id, { forUpdate: true });
    if (!account) throw notFoundError();
    if (account.overrideTier === null) return;
    const ok = await updateAccount(tx, account.id, input.version, { ...overrideColumnsCleared, tier: account.computedTier, tierSource: 'computed' });
    if (!ok) throw conflictError();
    await insertTierHistory(tx, [
      { accountId: account.id, actorId: user.id, kind: 'override_ended', fromTier: account.tier, toTier: account.computedTier, reason: {} },
    ]);
    await audit({ action: 'account.clear_override', entity: 'account', entityId: account.id, before: { tier: account.tier }, after: { tier: account.computedTier } });
  },
});

export const requestTierOverride = action({
  name: 'account.request_override',
  permission: 'tier.requestOverride',
  input: requestOverrideInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const account = await findAccount(tx, input.id, { forUpdate: true });
    if (!account) throw notFoundError();
    assertCanEditAccount(user, account);
    if (input.until !== null && input.until < (await workspaceToday(tx))) throw new ActionError({ key: 'validation.untilPast' }, 'until');
    const [pending] = await tx
      .select({ id: tierOverrideRequests.id })
      .from(tierOverrideRequests)
      .where(and(eq(tierOverrideRequests.accountId, account.id), eq(tierOverrideRequests.status, 'pending')));
    if (pending) throw new ActionError({ key: 'accounts.requestPending' });
    const [created] = await tx
      .insert(tierOverrideRequests)
      .values({ accountId: account.id, requestedBy: user.id, requestedTier: input.tier, reason: input.reason, until: input.until })
      .returning({ id: tierOverrideRequests.id });
    await audit({ action: 'account.request_override', entity: 'account', entityId: account.id, after: { tier: input.tier, reason: input.reason, until: input.until } });
    return { requestId: created!.id };
  },
});

export const decideOverrideRequest = action({
  name: 'account.decide_override',
  permission: 'overrideRequests.decide',
  input: decideOverrideInput,
  revalidate: ['/accounts'],
  async run({ user, input, tx, audit }) {
    const [request] = await tx
      .select()
      .from(tierOverrideRequests)
      .where(eq(tierOverrideRequests.id, input.requestId))
      .for('update');
    if (!request) throw notFoundError();
    if (request.status !== 'pending') throw new ActionError({ key: 'accounts.requestDecided' });
    if (input.decision === 'approve') {
      await lockPoliciesShared(tx);
      const account = await findAccount(tx, request.accountId, { forUpdate: true });
      if (!account) throw notFoundError();
      const today = await workspaceToday(tx);
      // The form has no date field: say it at the top, and let the manager reject it.
      if (request.until !== null && request.until < today) throw new ActionError({ key: 'accounts.requestExpired', values: { until: request.until } });
      await applyOverride(tx, account, { tier: request.requestedTier as Tier, reason: request.reason, until: request.until }, user.id, today);
    }
    await tx
      .update(tierOverrideRequests)
      .set({ status: input.decision === 'approve' ? 'approved' : 'rejected', decidedBy: user.id, decidedAt: new Date(), decisionNote: input.note })
      .where(eq(tierOverrideRequests.id, request.id));
    await audit({
      action: input.decision === 'approve' ? 'account.approve_override' : 'account.reject_override',
      entity: 'account',
      entityId: request.accountId,
      after: { requestId: request.id, tier: request.requestedTier, note: input.note },
    });
  },
});
