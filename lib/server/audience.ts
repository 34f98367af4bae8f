import 'server-only';
import type { Tx } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { notFoundError } from '@/lib/actions/result';
import type { AccountFilters } from '@/lib/accounts/filters';
import { parseAccountFilters } from '@/lib/accounts/list-params';
import { assertCanEditAccount, canManageAccounts } from '@/lib/auth/access';
import type { CurrentUser } from '@/lib/auth/current-user';

/**
 * The accounts a one-to-many touch (a share, an invitation) reaches: one
 * account the user may work on, or an audience, the account list's filters
 * as a query string (a CSM's is always their own book).
 */
export async function audienceFilters(tx: Tx, user: CurrentUser, input: { accountId: number | null; audience: string | null }): Promise<AccountFilters> {
  if (input.accountId !== null) {
    const account = await findAccount(tx, input.accountId);
    if (!account) throw notFoundError();
    assertCanEditAccount(user, account);
    return { ids: [account.id] };
  }
  const filters = parseAccountFilters(Object.fromEntries(new URLSearchParams(input.audience ?? '')), user);
  return canManageAccounts(user) ? filters : { ...filters, ownerId: user.id };
}
