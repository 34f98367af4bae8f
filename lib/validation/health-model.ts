import { z } from 'zod';
import { blankToNull, version, wholeNumber } from '@/lib/actions/validation';
import { componentKinds, componentProblems, measures } from '@/lib/health/model';
import { str } from '@/lib/validation/input';

const num = z.coerce.number({ error: 'validation.number' }).refine(Number.isFinite, 'validation.number');

const component = z.object({
  key: str().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  kind: z.enum(componentKinds, { message: 'validation.invalid' }),
  measure: z.enum(measures, { message: 'validation.invalid' }),
  event: z.preprocess(blankToNull, str().max(200, 'validation.tooLong').nullable().default(null)),
  at0: num,
  at50: num,
  at100: num,
  weight: num,
});

/** A health model as edited: its components, band limits and a note, from the version the admin saw. */
export const healthModelInput = z
  .object({
    expectedVersion: version,
    poorMax: wholeNumber(0, 98),
    averageMax: wholeNumber(1, 99),
    note: z.preprocess(blankToNull, str().max(200, 'validation.tooLong').nullable().default(null)),
    components: z.array(component).min(1, 'validation.required').max(20, 'validation.tooBig'),
  })
  .superRefine((m, ctx) => {
    if (m.poorMax >= m.averageMax) ctx.addIssue({ code: 'custom', path: ['averageMax'], message: 'validation.bandsOrder' });
    const seen = new Set<string>();
    m.components.forEach((c, i) => {
      for (const [field, message] of Object.entries(componentProblems(c))) ctx.addIssue({ code: 'custom', path: ['components', i, field], message });
      if (seen.has(c.key)) ctx.addIssue({ code: 'custom', path: ['components', i, 'key'], message: 'validation.invalid' });
      seen.add(c.key);
    });
  });
export type HealthModelInput = z.infer<typeof healthModelInput>;
