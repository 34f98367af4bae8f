import { z } from 'zod';
import { checkbox, id, text, version, wholeNumber } from '@/lib/actions/validation';
import { conditionFields, conditionKinds, conditionProblems, normalScope, type AlertCondition } from '@/lib/alerts/conditions';
import { taskPriorities } from '@/lib/alerts/rule';

// A form's number: blank is missing (conditionProblems says "required"), anything else is read as a number.
const toNumber = (v: unknown) => (v === '' || v == null ? undefined : typeof v === 'string' ? Number(v.trim()) : v);

/** One condition as edited: its kind and that kind's numbers, checked against conditionFields' ranges. */
const condition = z
  .object({ kind: z.enum(conditionKinds, { message: 'validation.invalid' }) }).catchall(z.unknown())
  .transform((c, ctx) => {
    const fields = Object.keys(conditionFields[c.kind]);
    const parsed = { kind: c.kind, ...Object.fromEntries(fields.map((f) => [f, toNumber(c[f])])) } as AlertCondition;
    for (const [field, p] of Object.entries(conditionProblems(parsed))) {
      if (p.values?.min !== undefined) ctx.addIssue({ code: 'too_small', origin: 'number', minimum: p.values.min, inclusive: true, path: [field], message: p.message });
      else if (p.values?.max !== undefined) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: p.values.max, inclusive: true, path: [field], message: p.message });
      else ctx.addIssue({ code: 'custom', path: [field], message: p.message });
    }
    return parsed;
  });

const list = (v: unknown) => (Array.isArray(v) ? v : v == null || v === '' ? [] : [v]);

/** What a rule holds for: several conditions are a combination (all must hold); empty tiers or stages are all. */
export const alertMatchInput = z.object({
  conditions: z.array(condition).min(1, 'validation.alertConditions').max(10, 'validation.tooBig'),
  tiers: z.preprocess(list, z.array(z.coerce.number())),
  stages: z.preprocess(list, z.array(z.string())),
});

const ruleFields = alertMatchInput.extend({
  name: text(80),
  taskPriority: z.enum(taskPriorities, { message: 'validation.invalid' }),
  taskDueDays: wholeNumber(0, 90),
  closeAfterDays: wholeNumber(0, 365),
});

/** Scope as saved: known tiers and stages only, each once (normalScope). */
const withScope = <T extends { tiers: number[]; stages: string[] }>(r: T) => ({ ...r, ...normalScope(r) });

export const previewAlertRuleInput = alertMatchInput.transform(withScope);
export const createAlertRuleInput = ruleFields.extend({ enabled: checkbox.default(true) }).transform(withScope);
/** An edit, from the version the admin opened: a save from an older one is refused. */
export const updateAlertRuleInput = ruleFields.extend({ id, expectedVersion: version }).transform(withScope);
export const setAlertRuleEnabledInput = z.object({ id, enabled: checkbox });
export const deleteAlertRuleInput = z.object({ id });

export type AlertRuleInput = z.output<typeof createAlertRuleInput>;
