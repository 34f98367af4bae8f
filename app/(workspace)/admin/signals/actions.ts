'use server';

import { insertWriteKey, revokeWriteKey as revokeKey } from '@/db/queries/write-keys';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { newWriteKey } from '@/lib/signals/write-key';
import { createWriteKeyInput, revokeWriteKeyInput } from '@/lib/validation/write-key';

/** Makes a write key and answers it once: only its hash is kept. */
export const createWriteKey = action({
  name: 'write_key.create',
  permission: 'signals.manage',
  input: createWriteKeyInput,
  revalidate: ['/admin/signals'],
  run: async ({ input, user, tx, audit }) => {
    const made = newWriteKey();
    const id = await insertWriteKey(tx, { name: input.name, prefix: made.prefix, hash: made.hash, ratePerMinute: input.ratePerMinute, createdBy: user.id });
    await audit({ action: 'write_key.create', entity: 'write_key', entityId: String(id), after: { name: input.name, prefix: made.prefix, ratePerMinute: input.ratePerMinute } });
    return { key: made.key, name: input.name };
  },
});

/** Revokes a key: requests with it are refused from now on (401). */
export const revokeWriteKey = action({
  name: 'write_key.revoke',
  permission: 'signals.manage',
  input: revokeWriteKeyInput,
  revalidate: ['/admin/signals'],
  run: async ({ input, user, tx, audit }) => {
    const revoked = await revokeKey(tx, input.id, user.id);
    if (!revoked) throw new ActionError({ key: 'signals.keys.alreadyRevoked' });
    await audit({ action: 'write_key.revoke', entity: 'write_key', entityId: String(input.id), before: { name: revoked.name } });
  },
});
