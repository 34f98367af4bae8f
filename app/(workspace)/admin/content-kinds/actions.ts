'use server';

import { contentKindNameTaken, insertContentKind, lockContentKinds, updateContentKind } from '@/db/queries/content';
import { action } from '@/lib/actions/action';
import { saveKind, type KindStore } from '@/lib/server/save-kind';
import { saveKindInput } from '@/lib/validation/kind';

const contentKindStore: KindStore<Record<never, never>> = {
  entity: 'content_kind',
  messages: { nameTaken: 'contentKinds.nameTaken', lastActive: 'contentKinds.lastActive' },
  nameTaken: contentKindNameTaken,
  insert: insertContentKind,
  lockAll: lockContentKinds,
  update: updateContentKind,
};

/**
 * Adds a content kind, or renames, deactivates or reactivates one. A
 * deactivated kind is no longer offered for new items; items that have it
 * keep it. Saved only from the version the admin saw.
 */
export const saveContentKind = action({
  name: 'content_kind.save',
  permission: 'contentKinds.manage',
  input: saveKindInput,
  revalidate: ['/admin/content-kinds', '/content'],
  run: ({ input, tx, audit }) => saveKind(tx, contentKindStore, input, {}, audit),
});
