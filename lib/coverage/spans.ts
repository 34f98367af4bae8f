import type { LocalDate } from '@/lib/scheduling/local-date';
import type { CadenceUnit } from '@/lib/vocabulary';
import type { RuleSpan } from './obligations';

// Which playbook rules applied to an account, and from when to when: the
// account's effective tier over time (overrides included) against each
// tier's playbook versions over time. A rule is its target (an activity type
// or a touch kind) with its cadence: a new version that keeps both keeps the
// rule running (hours or book-ahead edits change nothing here); a version
// that drops the rule or changes its cadence ends it that day, and a changed
// cadence starts as a new rule the same day (DOMAIN.md: a tier or playbook
// change ends the open obligations of rules that no longer apply and starts
// new rules from the change day).

/** From `day` on, the account's effective tier was `tier` (its first entry: its creation). */
export type TierChange = { day: LocalDate; tier: number };

export type PlaybookRuleRef = { target: string; every: number; unit: CadenceUnit };

/** A tier's playbook from `day` on (until its next version). */
export type PlaybookVersionRef = { tier: number; day: LocalDate; rules: readonly PlaybookRuleRef[] };

export type AccountRuleSpan = RuleSpan & { target: string; tier: number };

const ruleKey = (r: PlaybookRuleRef) => `${r.target}|${r.every}|${r.unit}`;

/** The last entry of each day, in day order (two changes in one day: the day ends in the second). */
function lastPerDay<T extends { day: LocalDate }>(items: readonly T[]): T[] {
  const byDay = new Map<LocalDate, T>();
  for (const item of [...items].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) byDay.set(item.day, item);
  return [...byDay.values()];
}

/** The spans of every rule that applied to one account, by start day. */
export function ruleSpans(tiers: readonly TierChange[], versions: readonly PlaybookVersionRef[]): AccountRuleSpan[] {
  const timeline = lastPerDay(tiers);
  if (!timeline.length) return [];
  const versionsOf = new Map<number, PlaybookVersionRef[]>();
  for (const v of versions) versionsOf.set(v.tier, [...(versionsOf.get(v.tier) ?? []), v]);
  for (const [tier, list] of versionsOf) versionsOf.set(tier, lastPerDay(list));

  // Cut the timeline wherever the tier or its playbook changes; each piece has one rule set.
  const pieces: { day: LocalDate; tier: number; rules: readonly PlaybookRuleRef[] }[] = [];
  timeline.forEach((change, i) => {
    const until = timeline[i + 1]?.day;
    const list = versionsOf.get(change.tier) ?? [];
    const current = list.filter((v) => v.day <= change.day).at(-1);
    pieces.push({ day: change.day, tier: change.tier, rules: current?.rules ?? [] });
    for (const v of list) if (v.day > change.day && (until === undefined || v.day < until)) pieces.push({ day: v.day, tier: change.tier, rules: v.rules });
  });

  const spans: AccountRuleSpan[] = [];
  const open = new Map<string, AccountRuleSpan>();
  for (const piece of pieces) {
    const keys = new Set(piece.rules.map(ruleKey));
    // A tier change ends every rule, even one the new tier's playbook also has.
    const tierChanged = [...open.values()].some((s) => s.tier !== piece.tier);
    for (const [key, span] of open) {
      if (tierChanged || !keys.has(key)) {
        span.end = piece.day;
        open.delete(key);
      }
    }
    for (const rule of piece.rules) {
      const key = ruleKey(rule);
      if (open.has(key)) continue;
      const span: AccountRuleSpan = { target: rule.target, every: rule.every, unit: rule.unit, tier: piece.tier, start: piece.day, end: null };
      open.set(key, span);
      spans.push(span);
    }
  }
  return spans;
}
