import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findAccount } from '@/db/queries/accounts';
import { accountPagePath } from '@/lib/accounts/page-path';
import { canEditAccount } from '@/lib/auth/access';
import { auditDenied, type CurrentUser } from '@/lib/auth/current-user';

/**
 * Checks that depend on the object a path names, run by the workspace layout
 * before the page streams behind its loading state: a missing account is a
 * real 404 and another CSM's edit page a real 403. The pages check again
 * (layouts do not re-run on client-side navigation).
 */
export async function guardPage(path: string, user: CurrentUser): Promise<void> {
  const target = accountPagePath(path);
  if (!target) return;
  const account = target.id === null ? undefined : await findAccount(await getDb(), target.id);
  if (!account) notFound();
  if (target.edit && !canEditAccount(user, account)) {
    await auditDenied(user.id, `page:/accounts/${account.id}/edit`, 'ownership');
    forbidden();
  }
}
