import { z } from 'zod';
import { maxId } from '@/lib/validation/input';
import { blankToNull, checkbox, id, text, version, wholeNumber } from '@/lib/actions/validation';
import { conditionFields, conditionKinds, conditionProblems, normalScope, type AlertCondition } from '@/lib/alerts/conditions';
import { ladderFirsts, taskPriorities, techChannels } from '@/lib/alerts/rule';

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

const optionalText = (max: number) => z.preprocess(blankToNull, z.string().max(max, 'validation.tooLong').nullable().default(null));

const ruleFields = alertMatchInput.extend({
  name: text(80),
  first: z.enum(ladderFirsts, { message: 'validation.invalid' }).default('task'),
  techChannel: z.preprocess(blankToNull, z.enum(techChannels, { message: 'validation.invalid' }).nullable().default(null)),
  techSubject: optionalText(120),
  techMessage: optionalText(4000),
  /** With the webhook: the campaign the receiving tool enrols the account in; blank: none. Whether it exists is the action's check. */
  techCampaignId: z.preprocess(blankToNull, z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid').positive('validation.invalid').max(maxId, 'validation.invalid').nullable().default(null)),
  /** Blank: the tech touch never escalates to a task. */
  escalateAfterDays: z.preprocess(blankToNull, wholeNumber(1, 365).nullable().default(null)),
  taskPriority: z.enum(taskPriorities, { message: 'validation.invalid' }),
  taskDueDays: wholeNumber(0, 90),
  closeAfterDays: wholeNumber(0, 365),
});

type Ladder = { first: string; techChannel: string | null; techSubject: string | null; techMessage: string | null; techCampaignId: number | null; escalateAfterDays: number | null };

/**
 * A tech touch needs its channel and what it says (an email its subject and
 * body; the webhook its message name); only the webhook can enrol the account
 * in a campaign (the receiving tool does it). A task at once has none of them.
 */
function ladderProblems(r: Ladder, ctx: z.RefinementCtx) {
  if (r.first !== 'tech_touch') return;
  if (!r.techChannel) ctx.addIssue({ code: 'custom', path: ['techChannel'], message: 'validation.required' });
  if (!r.techSubject) ctx.addIssue({ code: 'custom', path: ['techSubject'], message: 'validation.required' });
  if (r.techChannel === 'email' && !r.techMessage) ctx.addIssue({ code: 'custom', path: ['techMessage'], message: 'validation.required' });
  if (r.techCampaignId !== null && r.techChannel !== 'webhook') ctx.addIssue({ code: 'custom', path: ['techCampaignId'], message: 'validation.campaignNeedsWebhook' });
}

/** A task-first rule keeps no tech-touch fields. */
const ladder = <T extends Ladder>(r: T): T =>
  r.first === 'tech_touch' ? r : { ...r, techChannel: null, techSubject: null, techMessage: null, techCampaignId: null, escalateAfterDays: null };

/** Scope as saved: known tiers and stages only, each once (normalScope). */
const withScope = <T extends { tiers: number[]; stages: string[] } & Ladder>(r: T) => ({ ...ladder(r), ...normalScope(r) });

export const previewAlertRuleInput = alertMatchInput.transform((r) => ({ ...r, ...normalScope(r) }));
export const createAlertRuleInput = ruleFields.extend({ enabled: checkbox.default(true) }).superRefine(ladderProblems).transform(withScope);
/** An edit, from the version the admin opened: a save from an older one is refused. */
export const updateAlertRuleInput = ruleFields.extend({ id, expectedVersion: version }).superRefine(ladderProblems).transform(withScope);
export const setAlertRuleEnabledInput = z.object({ id, enabled: checkbox });
export const deleteAlertRuleInput = z.object({ id });

export type AlertRuleInput = z.output<typeof createAlertRuleInput>;

/** The webhook for in-app nudges: an http(s) address, or blank to remove it; from the workspace version the admin saw. */
export const alertWebhookInput = z.object({
  url: z.preprocess(
    blankToNull,
    z
      .string()
      .max(2000, 'validation.tooLong')
      .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'validation.url')
      .nullable(),
  ),
  expectedVersion: version,
});
