import { z } from 'zod';
import { blankToNull, id, version } from '@/lib/actions/validation';
import { str } from '@/lib/validation/input';

/** A CSM's pulse on an account (blank pulse: clear it), from the version they saw (0: none was set). */
export const setPulseInput = z.object({
  accountId: id,
  version: version.default(0),
  pulse: z.preprocess(blankToNull, z.enum(['green', 'yellow', 'red'], { message: 'validation.invalid' }).nullable().default(null)),
  note: z.preprocess(blankToNull, str().max(500, 'validation.tooLong').nullable().default(null)),
});
