import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { text, version, wholeNumber } from '@/lib/actions/validation';
import { currencies } from '@/lib/currencies';
import { isTimeZone } from '@/lib/time-zones';

export const updateWorkspaceInput = z.object({
  version,
  name: text(120),
  currency: z.enum(currencies, 'validation.invalid'),
  timeZone: str().refine(isTimeZone, 'validation.timeZone'),
  fiscalYearStartMonth: wholeNumber(1, 12),
});
