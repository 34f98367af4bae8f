import { z } from 'zod';
import { maxId, str } from '@/lib/validation/input';
import { blankToNull, id, version } from '@/lib/actions/validation';
import { toScaled } from '@/lib/decimal';
import { cadenceUnits, touchKinds, touchModels } from '@/lib/vocabulary';

// A rule from code may leave out the target it does not use.
const absentToNull = (v: unknown) => blankToNull(v) ?? null;

// A rule asks for an activity type or a touch kind: exactly one.
const rule = z
  .object({
    activityTypeId: z.preprocess(absentToNull, z.coerce.number({ error: 'validation.required' }).int().positive('validation.required').max(maxId, 'errors.notFound').nullable()),
    touchKind: z.preprocess(absentToNull, z.enum(touchKinds, 'validation.invalid').nullable()),
    campaignId: z.preprocess(absentToNull, z.coerce.number().int().positive('errors.notFound').max(maxId, 'errors.notFound').nullable()),
    every: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(1, 'validation.tooSmall').max(365, 'validation.tooBig'),
    unit: z.enum(cadenceUnits, 'validation.invalid'),
    // 0 only for a one-to-many rule, which the action decides from the type's model.
    hours: z.preprocess(
      (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() || '0' : v ?? '0'),
      str().refine((s) => {
        const scaled = toScaled(s, 2);
        return scaled !== null && scaled >= 0n && scaled <= 10_000n;
      }, 'validation.hours'),
    ),
    bookAheadDays: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(0, 'validation.tooSmall').max(365, 'validation.tooBig'),
  })
  .refine((r) => (r.activityTypeId === null) !== (r.touchKind === null), { error: 'validation.ruleTarget', path: ['activityTypeId'] })
  .refine((r) => r.campaignId === null || r.touchKind === 'campaign_delivered', { error: 'validation.ruleTarget', path: ['activityTypeId'] });

export const savePlaybookInput = z.object({
  tier: z.coerce.number().int().min(1).max(3),
  baseVersion: version,
  note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), str().max(500, 'validation.tooLong').nullable().default(null)),
  rules: z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, z.array(rule).max(20, 'validation.tooBig')),
});

export const saveActivityTypeInput = z.object({
  id: z.preprocess((v) => (v === '' || v == null ? null : v), id.nullable()),
  version: version.default(0),
  name: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v), str().max(80, 'validation.tooLong').nullable()),
  touchModel: z.enum(touchModels, 'validation.invalid'),
  requiresExecutiveSponsor: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  active: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});
