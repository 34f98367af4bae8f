import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { blankToNull, checkbox, id, text, version } from '@/lib/actions/validation';
import { email } from '@/lib/validation/user';
import { contactLanguages, contactRoles } from '@/lib/vocabulary';

const optionalText = (max: number) => z.preprocess(blankToNull, str().max(max, 'validation.tooLong').nullable().default(null));

/**
 * A form sends one checkbox per role (`role.champion=on`); code and tests
 * send `roles: [...]`. Both become `roles`.
 */
function collectRoles(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  if (v.roles !== undefined) return v;
  const roles = contactRoles.filter((r) => checkbox.safeParse(v[`role.${r}`]).data === true);
  return { ...v, roles };
}

/** A contact's own fields, as the form and the CSV import check them. */
export const contactFields = {
  name: text(200),
  email,
  title: optionalText(200),
  roles: z.array(z.enum(contactRoles, 'validation.invalid')).max(contactRoles.length).transform((r) => [...new Set(r)]),
  language: z.preprocess(blankToNull, z.enum(contactLanguages, 'validation.invalid').nullable().default(null)),
  noProgramEmails: checkbox,
  notes: optionalText(5000),
};

export const createContactInput = z.preprocess(collectRoles, z.object({ accountId: id, ...contactFields }));
export const updateContactInput = z.preprocess(collectRoles, z.object({ id, version, ...contactFields, active: checkbox }));
export type ContactFields = z.output<z.ZodObject<typeof contactFields>>;
