import 'server-only';
import type { DbOrTx } from '@/db/client';
import { retierBooks } from '@/db/queries/retier';
import { currentPolicy } from '@/db/queries/tier-policies';
import type { Workspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { whatIf, whatIfTiers, type Tier, type WhatIfPerson } from '@/lib/capacity/what-if';
import { ruleKey, type WhatIfParams } from '@/lib/capacity/what-if-params';
import { hoursPerAccountMonth } from '@/lib/playbooks/hours';
import { capacityMonth } from './capacity';

/**
 * A month's capacity before and after a what-if: the capacity page's figures
 * (grouped by owner and tier, never per account) run through lib/capacity's
 * whatIf with the scenario from the URL. Nothing is written.
 */
export async function whatIfMonth(db: DbOrTx, o: { month: string; now: Date; workspace: Workspace; language: string; params: WhatIfParams }) {
  const [month, policy] = await Promise.all([capacityMonth(db, { ...o, activity: false }), currentPolicy(db)]);
  // New thresholds: every account's tier again under the policy with them (one grouped statement).
  let retiered: Map<number | null, Partial<Record<Tier, number>>> | undefined;
  if (o.params.thresholds) {
    retiered = new Map();
    for (const b of await retierBooks(db, { ...policy, tier1Threshold: o.params.thresholds.tier1, tier2Threshold: o.params.thresholds.tier2 }, todayIn(o.workspace.timeZone, o.now))) {
      retiered.set(b.ownerId, { ...retiered.get(b.ownerId), [b.tier as Tier]: b.accounts });
    }
  }
  const bookOf = new Map<number | null, Partial<Record<Tier, number>>>();
  for (const s of month.sizes) bookOf.set(s.ownerId, { ...bookOf.get(s.ownerId), [s.tier as Tier]: s.accounts });
  // Hosted sessions and task estimates stay with the person whatever the scenario moves.
  const people: WhatIfPerson[] = month.rows.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, timeOff: r.timeOff, hosted: r.hosted + r.tasks, book: bookOf.get(r.id) ?? {} }));
  const perAccount = Object.fromEntries(whatIfTiers.map((t) => [t, month.tiers.find((x) => x.tier === t)?.perAccount ?? 0])) as Record<Tier, number>;

  // Each tier whose cadences change owes its playbook's hours with the new intervals.
  const rules = month.playbooks.flatMap((p) => p.rules.map((rule, index) => ({ tier: p.tier as Tier, index, rule, every: o.params.cadences.get(ruleKey(p.tier, index)) })));
  const perAfter: Partial<Record<Tier, number>> = {};
  for (const p of month.playbooks) {
    const changed = rules.filter((r) => r.tier === p.tier && r.every !== undefined && r.every !== r.rule.every);
    if (!changed.length) continue;
    perAfter[p.tier as Tier] = hoursPerAccountMonth(
      p.rules.map((rule, index) => ({ ...rule, every: o.params.cadences.get(ruleKey(p.tier, index)) ?? rule.every })),
      month.typeModel,
    );
  }
  const result = whatIf({ people, unassigned: bookOf.get(null) ?? {}, perAccount }, { moves: o.params.moves, capacity: o.params.capacity, hires: o.params.hires, perAccount: perAfter, retiered });
  return { month: month.month, result, rules, people, types: month.types, policy };
}
