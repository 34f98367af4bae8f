import type { TouchKind, TouchModel } from '@/lib/vocabulary';

// What a playbook rule asks for: an activity of one type (a QBR every
// quarter), or any touch of one kind in the ledger ("is shared content every
// month", "attends a program quarterly"). Exactly one of the two is set. A
// campaign_delivered rule may name one campaign ("the monthly in-app message
// delivered every month"); without one, any campaign's delivery meets it.

export type RuleTarget = { activityTypeId: number | null; touchKind: TouchKind | null; campaignId?: number | null };

/** The touch kinds that are one person's activity with the account; every other kind is one-to-many. */
const oneToOneKinds: readonly TouchKind[] = ['activity_completed'];

/**
 * Whether a rule is served one-to-many (a shared item, a webinar, a campaign,
 * or an activity type whose model is not high-touch): such a rule owes an
 * account no CSM hours of its own; the host's session hours count once.
 * `typeModel` gives an activity type's touch model.
 */
export function isOneToMany(rule: RuleTarget, typeModel: (activityTypeId: number) => TouchModel | undefined): boolean {
  if (rule.touchKind !== null) return !oneToOneKinds.includes(rule.touchKind);
  if (rule.activityTypeId === null) return false;
  const model = typeModel(rule.activityTypeId);
  return model !== undefined && model !== 'high';
}

/**
 * A rule's target as one string: the editor's select value, and what coverage
 * matches touches against: `type:3`, `kind:content_shared` or `campaign:5`.
 */
export function targetValue(rule: RuleTarget): string {
  if (rule.campaignId != null) return `campaign:${rule.campaignId}`;
  return rule.touchKind !== null ? `kind:${rule.touchKind}` : `type:${rule.activityTypeId ?? ''}`;
}

/** The rule target a select value names (unknown values give no target; the server refuses them). */
export function parseTargetValue(value: string, kinds: readonly TouchKind[]): RuleTarget {
  const positive = (raw: string) => {
    const n = Number(raw);
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  if (value.startsWith('campaign:')) {
    const campaignId = positive(value.slice(9));
    return campaignId === null ? { activityTypeId: null, touchKind: null, campaignId: null } : { activityTypeId: null, touchKind: 'campaign_delivered', campaignId };
  }
  if (value.startsWith('kind:')) {
    const kind = value.slice(5);
    return { activityTypeId: null, touchKind: (kinds as readonly string[]).includes(kind) ? (kind as TouchKind) : null, campaignId: null };
  }
  return { activityTypeId: positive(value.startsWith('type:') ? value.slice(5) : value), touchKind: null, campaignId: null };
}

/**
 * The rules that ask for an activity of one type: the ones plan-from-playbook
 * books and the booking checks read. A touch-kind rule is met by the ledger,
 * not by booking (coverage reads it).
 */
export function activityRules<R extends RuleTarget>(rules: readonly R[]): (R & { activityTypeId: number })[] {
  return rules.filter((r): r is R & { activityTypeId: number } => r.activityTypeId !== null);
}
