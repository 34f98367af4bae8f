import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { blankToNull, checkbox, id, version } from '@/lib/actions/validation';
import { programTouchModels } from '@/lib/vocabulary';

/**
 * Adds a kind (no id) or renames, deactivates or reactivates one, from the
 * version the admin saw: content kinds and program kinds alike.
 */
export const saveKindInput = z.object({
  id: z.preprocess((v) => (v === '' || v == null ? null : v), id.nullable()),
  version: version.default(0),
  // Blank on a built-in kind: back to its name in each reader's language.
  name: z.preprocess(blankToNull, str().max(80, 'validation.tooLong').nullable().default(null)),
  active: z.preprocess((v) => (v === undefined ? true : v), checkbox),
});

/** A program kind also says which touch model its touches count as. */
export const saveProgramKindInput = saveKindInput.extend({
  touchModel: z.enum(programTouchModels, { message: 'validation.invalid' }),
});
