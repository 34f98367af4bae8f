'use server';

import { reassignFromBook } from '@/db/queries/accounts';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { assertOwnerIsCsm, auditReassigned } from '@/lib/server/account-write';
import { bookMoveInput } from '@/lib/validation/account';

/**
 * Applies one move of a capacity what-if: the accounts the page showed (the
 * lowest-ARR `count` of that book's tier) go to the new owner, audited as
 * any reassignment. If the book no longer holds that many, nothing moves.
 */
export const applyBookMove = action({
  name: 'account.reassign_book',
  permission: 'accounts.reassign',
  input: bookMoveInput,
  revalidate: ['/accounts', '/coverage/capacity'],
  async run({ user, input, tx }) {
    if (input.fromId === input.ownerId) throw new ActionError({ key: 'capacity.whatIf.errors.samePlace' });
    await assertOwnerIsCsm(tx, input.ownerId);
    const moved = await reassignFromBook(tx, { from: input.fromId, to: input.ownerId, tier: input.tier, count: input.count });
    if (moved.length !== input.count) throw new ActionError({ key: 'capacity.whatIf.errors.bookChanged', values: { count: moved.length } });
    await auditReassigned(tx, user.id, moved, input.ownerId);
    return { count: moved.length };
  },
});
