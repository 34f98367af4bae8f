import { toScaled } from '@/lib/decimal';
import { perMonth, type Cadence } from '@/lib/scheduling/cadence';
import type { TouchModel } from '@/lib/vocabulary';
import { isOneToMany, type RuleTarget } from './rule-target';

export type HoursRule = Cadence & RuleTarget & { hours: string };
export type TypeModel = (activityTypeId: number) => TouchModel | undefined;

/**
 * Hours one rule owes one account per month: hours per occurrence ×
 * occurrences per month; 0 for a one-to-many rule (DOMAIN.md: only the
 * host's sessions count, once, not per account).
 */
export function ruleHoursPerMonth(rule: HoursRule, typeModel: TypeModel): number {
  if (isOneToMany(rule, typeModel)) return 0;
  return (Number(toScaled(rule.hours, 2) ?? 0n) / 100) * perMonth(rule);
}

/** Hours a playbook owes one account per month: the sum over its rules. */
export function hoursPerAccountMonth(rules: readonly HoursRule[], typeModel: TypeModel): number {
  return rules.reduce((sum, r) => sum + ruleHoursPerMonth(r, typeModel), 0);
}

/** An activity type's touch model by id, from a list of types. */
export function typeModelLookup(types: readonly { id: number; touchModel: TouchModel }[]): TypeModel {
  const models = new Map(types.map((t) => [t.id, t.touchModel]));
  return (id) => models.get(id);
}

/** Team hours owed per month for `accounts` accounts in a tier, against CSM capacity. */
export function hoursOwed(rules: readonly HoursRule[], accounts: number, capacityHours: number, typeModel: TypeModel) {
  const perAccount = hoursPerAccountMonth(rules, typeModel);
  const total = perAccount * accounts;
  return { perAccount, total, share: capacityHours > 0 ? total / capacityHours : null };
}
