'use server';

import { insertProgramKind, lockProgramKinds, programKindNameTaken, updateProgramKind } from '@/db/queries/programs';
import { action } from '@/lib/actions/action';
import { saveKind, type KindStore } from '@/lib/server/save-kind';
import { saveProgramKindInput } from '@/lib/validation/kind';
import type { ProgramTouchModel } from '@/lib/vocabulary';

const programKindStore: KindStore<{ touchModel: ProgramTouchModel }> = {
  entity: 'program_kind',
  messages: { nameTaken: 'programKinds.nameTaken', lastActive: 'programKinds.lastActive' },
  nameTaken: programKindNameTaken,
  insert: insertProgramKind,
  lockAll: lockProgramKinds,
  update: updateProgramKind,
};

/**
 * Adds a program kind, or renames it, changes its touch model, deactivates or
 * reactivates it. A deactivated kind is no longer offered for new programs;
 * programs that have it keep it. A new touch model applies to touches
 * recorded from then on. Saved only from the version the admin saw.
 */
export const saveProgramKind = action({
  name: 'program_kind.save',
  permission: 'programKinds.manage',
  input: saveProgramKindInput,
  revalidate: ['/admin/program-kinds', '/programs'],
  run: ({ input, tx, audit }) => saveKind(tx, programKindStore, input, { touchModel: input.touchModel }, audit),
});
