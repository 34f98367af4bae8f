import { z } from 'zod';
import { blankToNull, id, text, version, wholeNumber } from '@/lib/actions/validation';
import { isIsoDate } from '@/lib/dates';
import { str } from '@/lib/validation/input';
import { campaignChannels, campaignTools } from '@/lib/vocabulary';

/** A campaign's key in the API's address: lower-case letters, digits and hyphens. */
export const campaignKey = str({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .min(1, 'validation.required')
  .max(63, 'validation.tooLong')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'validation.campaignKey');

const fields = {
  name: text(200),
  key: campaignKey,
  channel: z.enum(campaignChannels, 'validation.invalid'),
  tool: z.enum(campaignTools, 'validation.invalid'),
  /** The shared audience filter's query string. */
  audience: z.preprocess((v) => v ?? '', str().max(2000, 'validation.tooLong')),
  startsOn: str({ error: 'validation.required' }).refine(isIsoDate, 'validation.date'),
  endsOn: z.preprocess(blankToNull, str().refine(isIsoDate, 'validation.date').nullable().default(null)),
  goalEvent: z.preprocess(blankToNull, str().max(200, 'validation.tooLong').nullable().default(null)),
  goalWindowDays: wholeNumber(1, 365),
};

const datesInOrder = (v: { startsOn: string; endsOn: string | null }, ctx: z.RefinementCtx) => {
  if (v.endsOn !== null && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.endBeforeStart' });
};

export const createCampaignInput = z.object(fields).superRefine(datesInOrder);
export const updateCampaignInput = z
  .object({ id, expectedVersion: version, ...fields })
  .superRefine(datesInOrder);
export type CampaignInput = z.output<typeof createCampaignInput>;
