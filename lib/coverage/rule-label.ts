import { activityTypeLabel } from '@/lib/playbooks/type-label';
import type { CadenceUnit, TouchKind } from '@/lib/vocabulary';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A playbook rule as coverage names it: "QBR · every 3 months", "Content
 * shared · every 1 month", "Onboarding emails delivered · every 1 month". `tp` translates the `playbooks` messages, `t` the
 * `coverage` ones.
 */
export function coverageRuleLabel(
  r: { touchKind: TouchKind | null; activityTypeKey: string | null; activityTypeName: string | null; campaignName?: string | null; every: number; unit: CadenceUnit },
  t: Translate,
  tp: Translate,
): string {
  const what = r.campaignName
    ? tp('campaignDelivered', { name: r.campaignName })
    : r.touchKind !== null
      ? tp(`touchKinds.${r.touchKind}`)
      : activityTypeLabel({ key: r.activityTypeKey, name: r.activityTypeName }, tp);
  return `${what} · ${t('gaps.every', { every: r.every, unit: tp(`units.${r.unit}`, { count: r.every }) })}`;
}
