import { z } from 'zod';
import { maxId, str } from '@/lib/validation/input';
import { id, version } from '@/lib/actions/validation';
import { toScaled } from '@/lib/decimal';
import { cadenceUnits, touchModels } from '@/lib/vocabulary';

const rule = z.object({
  activityTypeId: z.coerce.number({ error: 'validation.required' }).int().positive('validation.required').max(maxId, 'errors.notFound'),
  every: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(1, 'validation.tooSmall').max(365, 'validation.tooBig'),
  unit: z.enum(cadenceUnits, 'validation.invalid'),
  hours: z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
    str().refine((s) => {
      const scaled = toScaled(s, 2);
      return scaled !== null && scaled > 0n && scaled <= 10_000n;
    }, 'validation.hours'),
  ),
  bookAheadDays: z.coerce.number({ error: 'validation.wholeNumber' }).int('validation.wholeNumber').min(0, 'validation.tooSmall').max(365, 'validation.tooBig'),
});

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
