import { z } from 'zod';
import { id, text, wholeNumber } from '@/lib/actions/validation';

/** A new write key: what it is for (the pipeline sending with it), and how many requests a minute it may make. */
export const createWriteKeyInput = z.object({
  name: text(80),
  ratePerMinute: z.preprocess((v) => (v === '' || v == null ? 6000 : v), wholeNumber(1, 1_000_000)),
});

export const revokeWriteKeyInput = z.object({ id });
