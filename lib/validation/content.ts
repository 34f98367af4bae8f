import { z } from 'zod';
import { str } from '@/lib/validation/input';
import { blankToNull, checkbox, id, text, version } from '@/lib/actions/validation';
import { contactLanguages } from '@/lib/vocabulary';
import { maxContentMegabytes } from '@/lib/content/limits';

const optionalText = (max: number) => z.preprocess(blankToNull, str().max(max, 'validation.tooLong').nullable().default(null));

/** A form sends one checkbox per tier (`tier.1=on`); code sends `tiers: [1, 3]`. */
function collectTiers(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  if (v.tiers !== undefined) return v;
  return { ...v, tiers: [1, 2, 3].filter((n) => checkbox.safeParse(v[`tier.${n}`]).data === true) };
}

/** An http(s) address; anything else (javascript:, data:, a typo) is refused. */
export const contentUrl = z.preprocess(
  blankToNull,
  str()
    .max(2000, 'validation.tooLong')
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'validation.url')
    .nullable()
    .default(null),
);

const file = z.preprocess(
  // An empty file input sends a nameless, empty File: that is "no file".
  (v) => (typeof v === 'object' && v !== null && typeof (v as Blob).arrayBuffer === 'function' && ((v as File).size > 0 || (v as File).name) ? v : null),
  z
    .custom<File>()
    .refine((f) => f.size > 0, 'validation.fileEmpty')
    .refine((f) => f.size <= maxContentMegabytes * 1024 * 1024, { message: 'validation.fileTooLarge' })
    .nullable()
    .default(null),
);

const itemFields = {
  kindId: id,
  title: text(200),
  description: optionalText(5000),
  language: z.preprocess(blankToNull, z.enum(contactLanguages, 'validation.invalid').nullable().default(null)),
  tiers: z
    .array(z.coerce.number().int().min(1).max(3))
    .max(3)
    .transform((t) => [...new Set(t)].sort()),
};

/** One version's content: a link or a file, exactly one. */
const source = { url: contentUrl, file, note: optionalText(500) };
const linkOrFile = <T extends { url: string | null; file: File | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.url === null && v.file === null) ctx.addIssue({ code: 'custom', path: ['url'], message: 'validation.linkOrFile' });
  if (v.url !== null && v.file !== null) ctx.addIssue({ code: 'custom', path: ['url'], message: 'validation.linkOrFileNotBoth' });
};

export const createContentItemInput = z.preprocess(collectTiers, z.object({ ...itemFields, ...source }).superRefine(linkOrFile));
export const updateContentItemInput = z.preprocess(collectTiers, z.object({ id, version, ...itemFields, archived: checkbox }));
export const addContentVersionInput = z.object({ itemId: id, ...source }).superRefine(linkOrFile);

/** Share with one account, or with the accounts an audience filter (a query string, as the account list's) matches. */
export const shareContentInput = z
  .object({
    itemId: id,
    accountId: z.preprocess(blankToNull, id.nullable().default(null)),
    audience: z.preprocess(blankToNull, str().max(2000).nullable().default(null)),
    // The count the user saw: if the audience changed since, nothing is shared.
    expected: z.coerce.number().int().min(0).optional(),
  })
  .refine((v) => (v.accountId === null) !== (v.audience === null), { path: ['accountId'], message: 'validation.required' });

export const audienceInput = z.object({ audience: z.preprocess((v) => v ?? '', str().max(2000)) });
