'use server';

import { contentKindNameTaken, lockContentKinds, updateContentKind } from '@/db/queries/content';
import { contentKinds } from '@/db/schema';
import { action } from '@/lib/actions/action';
import { ActionError, conflictError, notFoundError } from '@/lib/actions/result';
import { saveContentKindInput } from '@/lib/validation/content';

/**
 * Adds a content kind, or renames, deactivates or reactivates one. A
 * deactivated kind is no longer offered for new items; items that have it
 * keep it. Saved only from the version the admin saw.
 */
export const saveContentKind = action({
  name: 'content_kind.save',
  permission: 'contentKinds.manage',
  input: saveContentKindInput,
  revalidate: ['/admin/content-kinds', '/content'],
  async run({ input, tx, audit }) {
    if (input.name && (await contentKindNameTaken(tx, input.name, input.id))) throw new ActionError({ key: 'contentKinds.nameTaken' }, 'name');
    if (input.id === null) {
      if (!input.name) throw new ActionError({ key: 'validation.required' }, 'name');
      const [created] = await tx.insert(contentKinds).values({ name: input.name }).returning({ id: contentKinds.id });
      await audit({ action: 'content_kind.create', entity: 'content_kind', entityId: created!.id, after: { key: null, name: input.name } });
      return { id: created!.id };
    }
    // Locked, so two admins cannot each deactivate one of the last two kinds.
    const kinds = await lockContentKinds(tx);
    const before = kinds.find((k) => k.id === input.id);
    if (!before) throw notFoundError();
    // Kinds the product ships with may fall back to their default name; others need one.
    if (!input.name && !before.key) throw new ActionError({ key: 'validation.required' }, 'name');
    if (before.active && !input.active && !kinds.some((k) => k.active && k.id !== before.id)) throw new ActionError({ key: 'contentKinds.lastActive' }, 'active');
    const values = { name: input.name, active: input.active };
    if (!(await updateContentKind(tx, input.id, input.version, values))) throw conflictError();
    const action = before.active === input.active ? 'content_kind.update' : input.active ? 'content_kind.reactivate' : 'content_kind.deactivate';
    await audit({ action, entity: 'content_kind', entityId: input.id, before: { key: before.key, name: before.name, active: before.active }, after: { key: before.key, ...values } });
    return { id: input.id };
  },
});
