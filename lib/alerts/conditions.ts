// Alert rule conditions (DOMAIN.md "Signals, health and alerts"): facts about
// an account's signals and health that should make someone act. A rule holds
// for an account when all its conditions hold (a combination is several), within
// the rule's scope of tiers and lifecycle stages. db/queries/alert-match.ts
// works them out in SQL for every account at once.

import { lifecycleStages, type LifecycleStage } from '@/lib/vocabulary';

export type AlertCondition =
  /** Nobody seen for at least `days` days (an account never seen: created at least that long ago). */
  | { kind: 'no_activity'; days: number }
  /** The pricing page viewed at least `views` times in the last `days` days. */
  | { kind: 'pricing_views'; views: number; days: number }
  /** The health score at least `points` lower than `days` days ago. */
  | { kind: 'health_drop'; points: number; days: number }
  /** The health band is poor. */
  | { kind: 'band_poor' }
  /** A mapped key feature not used since onboarding started, `days` or more days ago. */
  | { kind: 'feature_unused'; days: number }
  /** Renewal within `days` days and a health score under `below`. */
  | { kind: 'renewal_health'; days: number; below: number }
  /** The latest NPS answer `max` or less (detractors: 6). */
  | { kind: 'nps_low'; max: number };

export type ConditionKind = AlertCondition['kind'];
export const conditionKinds = ['no_activity', 'pricing_views', 'health_drop', 'band_poor', 'feature_unused', 'renewal_health', 'nps_low'] as const satisfies readonly ConditionKind[];

/** Each kind's numeric fields, their allowed range and the value a new condition starts with. */
export const conditionFields: { [K in ConditionKind]: { [F in Exclude<keyof Extract<AlertCondition, { kind: K }>, 'kind'>]: { min: number; max: number; initial: number } } } = {
  no_activity: { days: { min: 1, max: 365, initial: 14 } },
  pricing_views: { views: { min: 1, max: 1000, initial: 3 }, days: { min: 1, max: 30, initial: 7 } },
  health_drop: { points: { min: 1, max: 100, initial: 15 }, days: { min: 1, max: 89, initial: 30 } },
  band_poor: {},
  feature_unused: { days: { min: 1, max: 365, initial: 30 } },
  renewal_health: { days: { min: 1, max: 365, initial: 90 }, below: { min: 1, max: 100, initial: 51 } },
  nps_low: { max: { min: 0, max: 10, initial: 6 } },
};

/** A new condition of `kind` with its initial values. */
export function newCondition(kind: ConditionKind): AlertCondition {
  const values = Object.fromEntries(Object.entries(conditionFields[kind]).map(([field, f]) => [field, (f as { initial: number }).initial]));
  return { kind, ...values } as AlertCondition;
}

/** A message key of the `validation` catalogue, with the values it names. */
export type Problem = { message: string; values?: { min?: number; max?: number } };

/** Why a condition cannot be saved, by field; empty when it can. */
export function conditionProblems(c: AlertCondition): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  const fields = (conditionFields[c.kind] ?? {}) as Record<string, { min: number; max: number }>;
  for (const [field, range] of Object.entries(fields)) {
    const v = (c as unknown as Record<string, unknown>)[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) problems[field] = { message: 'validation.required' };
    else if (!Number.isInteger(v)) problems[field] = { message: 'validation.wholeNumber' };
    else if (v < range.min) problems[field] = { message: 'validation.tooSmall', values: { min: range.min } };
    else if (v > range.max) problems[field] = { message: 'validation.tooBig', values: { max: range.max } };
  }
  return problems;
}

export type AlertScope = { tiers: number[]; stages: LifecycleStage[] };

/** The scope as saved: tiers 1–3 and known stages, each once, in order; empty lists mean every tier / stage. */
export function normalScope(s: { tiers?: unknown; stages?: unknown }): AlertScope {
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  return {
    tiers: [1, 2, 3].filter((t) => list(s.tiers).includes(t)),
    stages: lifecycleStages.filter((st) => list(s.stages).includes(st)),
  };
}
