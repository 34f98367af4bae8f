import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { blankToNull, id } from '@/lib/actions/validation';
import { isIsoDate } from '@/lib/dates';
import { horizons } from '@/lib/planning/propose';

const isoDate = str({ error: 'validation.date' }).trim().refine(isIsoDate, 'validation.date');

// One kept proposal, as the CSM left it: the due date it fulfils and when to hold it.
const plannedRow = z.object({
  accountId: id,
  activityTypeId: id,
  due: isoDate,
  date: isoDate,
  time: str({ error: 'validation.time' }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time'),
  durationMinutes: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(5, 'validation.tooSmall').max(1440, 'validation.tooBig'),
  executiveSponsor: z.preprocess(blankToNull, str().max(200, 'validation.tooLong').nullable().default(null)),
});

export const createPlannedActivitiesInput = z.object({
  // The day the page planned from, so a plan made before midnight is not applied to the next day's window.
  today: isoDate,
  horizon: z.coerce.number().refine((n) => (horizons as readonly number[]).includes(n), 'validation.invalid'),
  // Managers: who runs activities on an account without an owner.
  ownerId: z.preprocess(blankToNull, id.nullable().default(null)),
  rows: z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, z.array(plannedRow).max(5000, 'validation.tooBig')),
});
