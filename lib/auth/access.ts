import { ActionError } from '@/lib/actions/result';
import { can } from './permissions';
import type { Role } from './roles';

// What a user may do to one particular object, built on the permission
// table. The server checks and the UI that hides a button call the same
// functions, so they cannot disagree.

type Actor = { id: number; role: Role };

const refuse = () => new ActionError({ key: 'errors.forbidden' });

/** Managers and admins edit any account, choose owners and work for any CSM. */
export const canManageAccounts = (user: Pick<Actor, 'role'>) => can(user, 'accounts.manageAll');

/** CSMs edit the accounts they own; managers and admins edit any. */
export function canEditAccount(user: Actor, account: { ownerId: number | null }): boolean {
  return canManageAccounts(user) || account.ownerId === user.id;
}

/** Throws the refusal the action wrapper audits as an ownership denial. */
export function assertCanEditAccount(user: Actor, account: { ownerId: number | null }): void {
  if (!canEditAccount(user, account)) throw refuse();
}

/** CSMs change activities they run or that sit on their accounts; managers and admins any. */
export function canManageActivity(user: Actor, activity: { ownerId: number; accountOwnerId: number | null }): boolean {
  return canManageAccounts(user) || activity.ownerId === user.id || activity.accountOwnerId === user.id;
}

export function assertCanManageActivity(user: Actor, activity: { ownerId: number; accountOwnerId: number | null }): void {
  if (!canManageActivity(user, activity)) throw refuse();
}

/**
 * Who owns new work (an account, an activity, a plan): a CSM always
 * themselves; a manager or admin the CSM they chose, else `fallback`.
 */
export function ownerFor(user: Actor, chosen: number | null | undefined, fallback: number | null = null): number | null {
  return canManageAccounts(user) ? (chosen ?? fallback) : user.id;
}

/** Who may edit or archive a content item: the one who added it, or a manager or admin. */
export function canEditContent(user: Actor, item: { createdBy: number | null }): boolean {
  return canManageAccounts(user) || item.createdBy === user.id;
}

export function assertCanEditContent(user: Actor, item: { createdBy: number | null }): void {
  if (!canEditContent(user, item)) throw refuse();
}

/** Who runs a program (adds sessions, records attendance): its hosts and the one who created it, or a manager or admin. */
export function canRunProgram(user: Actor, program: { createdBy: number | null; hostIds: readonly number[] }): boolean {
  return canManageAccounts(user) || program.createdBy === user.id || program.hostIds.includes(user.id);
}

export function assertCanRunProgram(user: Actor, program: { createdBy: number | null; hostIds: readonly number[] }): void {
  if (!canRunProgram(user, program)) throw refuse();
}

/** A task's owner works it; managers and admins work any. */
export function canWorkTask(user: Actor, task: { ownerId: number | null }): boolean {
  return canManageAccounts(user) || task.ownerId === user.id;
}

export function assertCanWorkTask(user: Actor, task: { ownerId: number | null }): void {
  if (!canWorkTask(user, task)) throw refuse();
}
