import { z } from 'zod';
import { id, maxId, str } from '@/lib/validation/input';
import type { ActionResult, Message } from './result';

// zod messages are catalog keys ("validation.required"); built-in checks
// without our key fall back to a key per issue code.
export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith('validation.')) {
    const values: Record<string, number> = {};
    if ('minimum' in issue) values.min = Number(issue.minimum);
    if ('maximum' in issue) values.max = Number(issue.maximum);
    return { key: issue.message, values };
  }
  switch (issue.code) {
    case 'too_small':
      return { key: 'validation.tooSmall', values: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'validation.tooBig', values: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'validation.email' : 'validation.invalid' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** Input that failed its schema: an id that can name no record is "not found" for the whole form, the rest are field errors. */
export function invalidInput(error: z.ZodError): ActionResult<never> {
  if (error.issues.some((i) => i.message === 'errors.notFound')) return { ok: false, error: { key: 'errors.notFound' } };
  return { ok: false, fieldErrors: fieldErrorsFrom(error) };
}

export function fieldErrorsFrom(error: z.ZodError): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_form';
    out[field] ??= issueMessage(issue);
  }
  return out;
}

/** FormData to a plain object: one value per name, Next's internal fields dropped. */
export function formDataToObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of data.entries()) {
    if (key.startsWith('$ACTION')) continue;
    out[key] = typeof value === 'string' ? value : value;
  }
  return out;
}

// Field helpers for forms: trimmed text, whole numbers, checkboxes.
export const text = (max = 200) =>
  str({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong');
export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'validation.number' })
    .int('validation.wholeNumber')
    .min(min, 'validation.tooSmall')
    .max(max, 'validation.tooBig');
export { id };
export const version = z.coerce.number().int().min(0).max(maxId);
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** A form's blank text as null and other text trimmed, before an optional field's schema reads it. */
export const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v);
