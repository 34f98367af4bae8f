import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { checkbox, id, text, version, wholeNumber } from '@/lib/actions/validation';
import { ActionError } from '@/lib/actions/result';
import { passwordProblem } from '@/lib/auth/password-policy';
import { roles } from '@/lib/auth/roles';
import { locales } from '@/lib/i18n/locales';
import { isTimeZone } from '@/lib/time-zones';

export const email = str({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(320, 'validation.tooLong')
  .pipe(z.email('validation.email'))
  .transform((v) => v.toLowerCase());

const problemKeys = {
  tooShort: 'validation.passwordTooShort',
  tooLong: 'validation.passwordTooLong',
  common: 'validation.passwordCommon',
  sameAsEmail: 'validation.passwordSameAsEmail',
} as const;

/** A new password: length and the common-password list, checked against its email when there is one. */
export function newPasswordSchema<T extends z.ZodRawShape>(shape: T, field = 'password', emailOf?: (v: z.infer<z.ZodObject<T>>) => string) {
  return z.object(shape).superRefine((value, ctx) => {
    const password = (value as Record<string, unknown>)[field];
    if (typeof password !== 'string') return;
    const problem = passwordProblem(password, emailOf?.(value));
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problemKeys[problem] });
  });
}

/** The schema cannot see the stored email of an existing user; actions call this once they have it. */
export function assertNotTheEmail(password: string, email: string): void {
  if (passwordProblem(password, email) === 'sameAsEmail') throw new ActionError({ key: problemKeys.sameAsEmail }, 'password');
}

const password = str({ error: 'validation.required' }).min(1, 'validation.required');
export const capacityHours = wholeNumber(0, 744);
export const role = z.enum(roles, 'validation.invalid');

export const createUserInput = newPasswordSchema(
  { email, name: text(120), role, password, capacityHours },
  'password',
  (v) => v.email,
);

export const updateUserInput = z.object({ id, version, name: text(120), role, capacityHours });
/** Deactivating someone who owns work says where it goes: to one CSM, or spread over the team by free hours. */
export const handovers = ['csm', 'spread'] as const;
export const setUserActiveInput = z.object({
  id,
  version,
  active: checkbox,
  handover: z.preprocess((v) => (v === '' ? undefined : v), z.enum(handovers, 'validation.invalid').optional()),
  toUserId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
});
export const resetPasswordInput = newPasswordSchema({ id, password });

const optionalLocale = z.union([z.enum(locales), z.literal('')]).transform((v) => v || null);
const optionalTimeZone = str()
  .refine((v) => v === '' || isTimeZone(v), 'validation.timeZone')
  .transform((v) => v || null);

export const updateProfileInput = z.object({ version, name: text(120), locale: optionalLocale, timeZone: optionalTimeZone });
export const updateLanguageInput = z.object({ locale: z.enum(locales) });

export const changePasswordInput = newPasswordSchema({
  currentPassword: password,
  password,
  confirmPassword: str(),
}).refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordMismatch' });
