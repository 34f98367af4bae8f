import { z } from 'zod';
import { blankToNull, id } from '@/lib/actions/validation';
import { isIsoDate } from '@/lib/dates';
import { addDays } from '@/lib/scheduling/local-date';
import { str } from './input';

const isoDate = str({ error: 'validation.date' }).trim().refine(isIsoDate, 'validation.date');

export const addTimeOffInput = z
  .object({
    userId: id,
    fromDate: isoDate,
    toDate: isoDate,
    hoursPerDay: z.coerce.number({ error: 'validation.number' }).min(0.5, 'validation.tooSmall').max(24, 'validation.tooBig'),
    note: z.preprocess(blankToNull, str().trim().max(200, 'validation.tooLong').nullable().default(null)),
  })
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'validation.endBeforeStart' });
    else if (v.toDate > addDays(v.fromDate, 366)) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'validation.rangeTooLong' });
  });

export const removeTimeOffInput = z.object({ id });
