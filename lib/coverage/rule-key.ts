import { cadenceUnits, touchKinds, type CadenceUnit, type TouchKind } from '@/lib/vocabulary';

// A playbook rule as coverage counts it: the tier whose playbook asks, what it
// asks for (an activity type or a touch kind) and how often. Obligations do
// not keep the rule's id (a new playbook version is a new rule with the same
// promise), so the gaps list filters by these parts, written in the URL as
// `1.a12.3.month` (activity type 12), `2.k.content_shared.1.month` or
// `3.c5.1.month` (campaign 5 delivered).

export type RuleKey = { tier: number; activityTypeId: number | null; touchKind: TouchKind | null; campaignId: number | null; every: number; unit: CadenceUnit };

export function ruleKeyToString(r: RuleKey): string {
  const what = r.campaignId !== null ? `c${r.campaignId}` : r.touchKind !== null ? `k.${r.touchKind}` : `a${r.activityTypeId}`;
  return `${r.tier}.${what}.${r.every}.${r.unit}`;
}

const pattern = /^([1-3])\.(?:a(\d{1,9})|k\.([a-z_]+)|c(\d{1,9}))\.(\d{1,3})\.([a-z]+)$/;

/** The rule a URL names, or undefined for anything else (an unknown kind or unit, a bad number). */
export function parseRuleKey(raw: string | undefined): RuleKey | undefined {
  const m = raw ? pattern.exec(raw) : null;
  if (!m) return undefined;
  const [, tier, typeId, kind, campaignId, every, unit] = m;
  if (kind !== undefined && !touchKinds.includes(kind as TouchKind)) return undefined;
  if (!cadenceUnits.includes(unit as CadenceUnit) || Number(every) < 1) return undefined;
  return {
    tier: Number(tier),
    activityTypeId: typeId !== undefined ? Number(typeId) : null,
    touchKind: campaignId !== undefined ? 'campaign_delivered' : ((kind as TouchKind | undefined) ?? null),
    campaignId: campaignId !== undefined ? Number(campaignId) : null,
    every: Number(every),
    unit: unit as CadenceUnit,
  };
}
