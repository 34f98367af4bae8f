import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { blankToNull, id, version } from '@/lib/actions/validation';
import { isIsoDate } from '@/lib/dates';
import { toScaled } from '@/lib/decimal';
import { levels, lifecycleStages } from '@/lib/vocabulary';

// Account fields as people type them (forms) or as CSV cells: strings in,
// normalised values out. The import uses the same schema, so a row error
// names the same rule a form would.

const optionalText = (max: number) => z.preprocess(blankToNull, str().max(max, 'validation.tooLong').nullable().default(null));

/** "1,200,000" or "１２００" → "1200000"; null when blank; must have at most `scale` decimals and fit `max`. */
export const decimal = (scale: number, max: number, key: string) =>
  z.preprocess(
    (v) => {
      const s = blankToNull(v);
      if (typeof s !== 'string') return s;
      const clean = s.normalize('NFKC').replace(/[\s¥$€]/g, '');
      // Commas only as thousands separators: "1,234,56" or "1234,5" (a decimal comma) is refused, not read as 123456.
      if (clean.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(clean)) return 'invalid';
      return clean.replace(/,/g, '');
    },
    str()
      .nullable()
      .default(null)
      .refine((s) => s === null || (toScaled(s, scale) !== null && Number(s) <= max), key),
  );

export const domain = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .normalize('NFKC')
          .trim()
          .toLowerCase()
          .replace(/^https?:\/\//, '')
          .replace(/^www\./, '')
          .replace(/\/.*$/, '')
      : v,
  str({ error: 'validation.required' })
    .min(1, 'validation.required')
    .max(253, 'validation.tooLong')
    .regex(/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u, 'validation.domain'),
);

const level = z.preprocess(blankToNull, z.enum(levels, 'validation.level').nullable().default(null));


export const accountFields = {
  name: z.preprocess(blankToNull, str({ error: 'validation.required' }).max(200, 'validation.tooLong')),
  domain,
  externalId: optionalText(100),
  industry: optionalText(100),
  employees: z.preprocess(
    (v) => {
      const s = blankToNull(v);
      return typeof s === 'string' ? s.normalize('NFKC').replace(/[,\s]/g, '') : s;
    },
    z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(0, 'validation.tooSmall').max(10_000_000, 'validation.tooBig').nullable().default(null),
  ),
  // Any decimals here: how many a currency allows (none for yen) is checked
  // against the workspace currency by the action and the import, whose
  // message then says that currency's rule (moneyRuleError).
  arr: decimal(6, 99_999_999_999_999, 'validation.money'),
  grossMarginPct: decimal(2, 100, 'validation.percent'),
  annualChurnPct: decimal(2, 100, 'validation.percent'),
  growthPotential: level,
  churnRisk: level,
  lifecycleStage: z.preprocess((v) => blankToNull(v) ?? 'onboarding', z.enum(lifecycleStages, 'validation.stage')),
  renewalDate: z.preprocess(blankToNull, str().refine(isIsoDate, 'validation.date').nullable().default(null)),
  notes: optionalText(5000),
};

const ownerId = z.preprocess(blankToNull, id.nullable().default(null));

export const accountInput = z.object({ ...accountFields, ownerId });
export type AccountInput = z.output<typeof accountInput>;

export const createAccountInput = accountInput;
export const updateAccountInput = accountInput.extend({ id, version });

/** The chosen accounts (`ids`), or every account the list's filters match (`matching`, its query string, with the count the user saw). */
export const reassignInput = z
  .object({
    ids: z.array(id).max(5000).default([]),
    matching: str().max(4000).optional(),
    expected: z.coerce.number().int().min(1).optional(),
    ownerId,
  })
  .refine((v) => v.ids.length > 0 || (v.matching !== undefined && v.expected !== undefined), { path: ['ids'], message: 'validation.selectAccounts' });

const tierValue = z.coerce.number().int().min(1, 'validation.invalid').max(3, 'validation.invalid');
const until = z.preprocess(blankToNull, str().refine(isIsoDate, 'validation.date').nullable().default(null));
const reason = z.preprocess(blankToNull, str({ error: 'validation.reasonRequired' }).max(1000, 'validation.tooLong'));

export const setOverrideInput = z.object({ id, version, tier: tierValue, reason, until });
export const clearOverrideInput = z.object({ id, version });
export const requestOverrideInput = z.object({ id, tier: tierValue, reason, until });
export const decideOverrideInput = z.object({
  requestId: id,
  decision: z.enum(['approve', 'reject']),
  note: optionalText(1000),
});

/** A capacity what-if's move, applied: `count` of `fromId`'s Tier `tier` accounts (blank: nobody's) to `ownerId`. */
export const bookMoveInput = z.object({
  fromId: z.preprocess(blankToNull, id.nullable().default(null)),
  ownerId,
  tier: z.coerce.number().int().min(1, 'validation.invalid').max(3, 'validation.invalid'),
  count: z.coerce.number().int().min(1, 'validation.invalid').max(5000, 'validation.invalid'),
});
