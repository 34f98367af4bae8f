import { ActionError } from '@/lib/actions/result';
import type { CurrentUser } from './current-user';

// Ownership rules, in one place for pages and actions alike.

/** CSMs edit the accounts they own; managers and admins edit any. */
export function canEditAccount(user: Pick<CurrentUser, 'id' | 'role'>, account: { ownerId: number | null }): boolean {
  return user.role !== 'csm' || account.ownerId === user.id;
}

/** Throws the refusal the action wrapper audits as an ownership denial. */
export function assertCanEditAccount(user: Pick<CurrentUser, 'id' | 'role'>, account: { ownerId: number | null }): void {
  if (!canEditAccount(user, account)) throw new ActionError({ key: 'errors.forbidden' });
}

export const canManageAccounts = (user: Pick<CurrentUser, 'role'>) => user.role === 'manager' || user.role === 'admin';

/** CSMs change activities they run or that sit on their accounts; managers and admins any. */
export function assertCanManageActivity(user: Pick<CurrentUser, 'id' | 'role'>, activity: { ownerId: number; accountOwnerId: number | null }): void {
  if (user.role === 'csm' && activity.ownerId !== user.id && activity.accountOwnerId !== user.id) throw new ActionError({ key: 'errors.forbidden' });
}
