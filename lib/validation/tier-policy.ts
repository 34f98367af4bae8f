import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { checkbox, version } from '@/lib/actions/validation';
import { toScaled } from '@/lib/decimal';

const money = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFKC').replace(/[,\s¥$€]/g, '') : v),
  str({ error: 'validation.required' })
    .min(1, 'validation.required')
    .refine((s) => toScaled(s, 0) !== null && s.length <= 18, 'validation.wholeMoney')
    .transform((s) => BigInt(s).toString()),
);

export const tierPolicyInput = z
  .object({
    version,
    tier1Threshold: money,
    tier2Threshold: money,
    lifetimeCapYears: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      str().refine((s) => toScaled(s, 1) !== null && Number(s) >= 1 && Number(s) <= 50, 'validation.capYears'),
    ),
    raiseForGrowth: checkbox,
    raiseForChurnRisk: checkbox,
    note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), str().max(500, 'validation.tooLong').nullable().default(null)),
  })
  .refine((p) => BigInt(p.tier1Threshold) > BigInt(p.tier2Threshold), {
    path: ['tier1Threshold'],
    message: 'validation.tier1AboveTier2',
  });
