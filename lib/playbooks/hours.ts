import { toScaled } from '@/lib/decimal';
import { perMonth, type Cadence } from '@/lib/scheduling/cadence';

export type HoursRule = Cadence & { hours: string };

/** Hours a playbook owes one account per month: Σ hours per occurrence × occurrences per month. */
export function hoursPerAccountMonth(rules: readonly HoursRule[]): number {
  return rules.reduce((sum, r) => sum + (Number(toScaled(r.hours, 2) ?? 0n) / 100) * perMonth(r), 0);
}

/** Team hours owed per month for `accounts` accounts in a tier, against CSM capacity. */
export function hoursOwed(rules: readonly HoursRule[], accounts: number, capacityHours: number) {
  const perAccount = hoursPerAccountMonth(rules);
  const total = perAccount * accounts;
  return { perAccount, total, share: capacityHours > 0 ? total / capacityHours : null };
}
