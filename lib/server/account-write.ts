import 'server-only';
import type { DbOrTx, Tx } from '@/db/client';
import { findAccountIdByDomain, findAccountIdByExternalId, updateAccount, type AccountRow } from '@/db/queries/accounts';
import { auditMany } from '@/db/queries/audit';
import { insertTierHistory } from '@/db/queries/tier-history';
import { isActiveCsm } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { ActionError, conflictError } from '@/lib/actions/result';
import { todayIn } from '@/lib/dates';
import type { Tier } from '@/lib/tiering/policy';

// Steps shared by the account actions and the import.

export async function workspaceToday(db: DbOrTx): Promise<string> {
  return todayIn((await getWorkspace(db)).timeZone);
}

/** An owner must be an active CSM. */
export async function assertOwnerIsCsm(tx: Tx, ownerId: number | null): Promise<void> {
  if (ownerId === null) return;
  if (!(await isActiveCsm(tx, ownerId))) throw new ActionError({ key: 'accounts.ownerNotCsm' }, 'ownerId');
}

/** One audit row per account that changed hands, so each account's timeline shows who moved it from whom. */
export async function auditReassigned(tx: Tx, actorId: number, moved: readonly { id: number; previousOwnerId: number | null }[], ownerId: number | null): Promise<void> {
  await auditMany(
    tx,
    moved
      .filter((m) => m.previousOwnerId !== ownerId)
      .map((m) => ({ actorId, action: 'account.reassign', entity: 'account', entityId: m.id, before: { ownerId: m.previousOwnerId }, after: { ownerId } })),
  );
}

/** Domain and external id are unique; the error sits beside the field. */
export async function assertUniqueKeys(tx: Tx, domain: string, externalId: string | null, exceptId?: number): Promise<void> {
  if (await findAccountIdByDomain(tx, domain, exceptId)) throw new ActionError({ key: 'accounts.domainTaken' }, 'domain');
  if (externalId && (await findAccountIdByExternalId(tx, externalId, exceptId)))
    throw new ActionError({ key: 'accounts.externalIdTaken' }, 'externalId');
}

export type OverrideChange = { tier: Tier; reason: string; until: string | null };

/** Sets an override (it wins at once) and records it in tier history. */
export async function applyOverride(tx: Tx, account: AccountRow, change: OverrideChange, actorId: number, today: string) {
  if (change.until !== null && change.until < today) throw new ActionError({ key: 'validation.untilPast' }, 'until');
  const ok = await updateAccount(tx, account.id, account.version, {
    overrideTier: change.tier,
    overrideReason: change.reason,
    overrideUntil: change.until,
    overrideBy: actorId,
    overrideAt: new Date(),
    tier: change.tier,
    tierSource: 'override',
  });
  if (!ok) throw conflictError();
  await insertTierHistory(tx, [
    {
      accountId: account.id,
      actorId,
      kind: 'override',
      fromTier: account.tier,
      toTier: change.tier,
      reason: { text: change.reason, until: change.until },
    },
  ]);
}
