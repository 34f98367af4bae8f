import { z } from 'zod';
import { blankToNull, version } from '@/lib/actions/validation';
import { isIsoDate } from '@/lib/dates';
import { id, str } from '@/lib/validation/input';

const isoDate = str({ error: 'validation.date' }).trim().refine(isIsoDate, 'validation.date');
const task = { taskId: id, version };

/** Done, with what came of it. */
export const completeTaskInput = z.object({ ...task, note: z.preprocess(blankToNull, str().max(2000, 'validation.tooLong').nullable().default(null)) });

/** Out of the inbox until a day (after today: checked by the action). */
export const snoozeTaskInput = z.object({ ...task, until: isoDate });

/** To another active user. */
export const reassignTaskInput = z.object({ ...task, ownerId: id });
