import { z } from 'zod';
import { blankToNull, id, text } from '@/lib/actions/validation';
import { eventMeanings } from '@/lib/signals/meanings';
import { str } from '@/lib/validation/input';


/** An event name (a track event, or a page's or screen's name) with what it means; NPS names the property holding the score. */
export const addEventMappingInput = z
  .object({
    meaning: z.enum(eventMeanings, { message: 'validation.invalid' }),
    event: text(200),
    scoreProperty: z.preprocess(blankToNull, str().max(200, 'validation.tooLong').nullable().default(null)),
  })
  .superRefine((v, ctx) => {
    if (v.meaning === 'nps' && !v.scoreProperty) ctx.addIssue({ code: 'custom', path: ['scoreProperty'], message: 'validation.required' });
  })
  .transform((v) => ({ ...v, scoreProperty: v.meaning === 'nps' ? v.scoreProperty : null }));

export const removeEventMappingInput = z.object({ id });
