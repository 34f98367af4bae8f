'use server';

import { addEventMapping as addMapping, invalidateHealthRun, removeEventMapping as removeMapping } from '@/db/queries/health-read';
import { getWorkspace } from '@/db/queries/workspace';
import { insertWriteKey, revokeWriteKey as revokeKey } from '@/db/queries/write-keys';
import { action } from '@/lib/actions/action';
import { ActionError } from '@/lib/actions/result';
import { newWriteKey } from '@/lib/signals/write-key';
import { todayIn } from '@/lib/dates';
import { addEventMappingInput, removeEventMappingInput } from '@/lib/validation/event-mapping';
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

/** Maps an event name to a meaning; every account's signals are worked out again within a minute. */
export const addEventMapping = action({
  name: 'event_mapping.add',
  permission: 'signals.manage',
  input: addEventMappingInput,
  revalidate: ['/admin/signals'],
  run: async ({ input, tx, audit }) => {
    const id = await addMapping(tx, input);
    if (id === null) throw new ActionError({ key: 'signals.mapping.taken' }, 'event');
    await invalidateHealthRun(tx, todayIn((await getWorkspace(tx)).timeZone));
    await audit({ action: 'event_mapping.add', entity: 'event_mapping', entityId: String(id), after: input });
  },
});

export const removeEventMapping = action({
  name: 'event_mapping.remove',
  permission: 'signals.manage',
  input: removeEventMappingInput,
  revalidate: ['/admin/signals'],
  run: async ({ input, tx, audit }) => {
    const removed = await removeMapping(tx, input.id);
    if (!removed) throw new ActionError({ key: 'errors.notFound' });
    await invalidateHealthRun(tx, todayIn((await getWorkspace(tx)).timeZone));
    await audit({ action: 'event_mapping.remove', entity: 'event_mapping', entityId: String(input.id), before: { meaning: removed.meaning, event: removed.event, scoreProperty: removed.scoreProperty } });
  },
});
