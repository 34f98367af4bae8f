import 'server-only';
import type { DbOrTx } from '@/db/client';
import { loadPlanData, type PlanScope } from '@/db/queries/plan';
import { currentPlaybooks } from '@/db/queries/playbooks';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { propose, type PlanRule } from '@/lib/planning/propose';

/** The current playbooks, the accounts in scope with their activities, and what the plan proposes for them. */
export async function planFor(db: DbOrTx, scope: PlanScope, opts: { today: LocalDate; horizonMonths: number; timeZone: string }) {
  const playbooks = await currentPlaybooks(db);
  const rules = new Map<number, PlanRule[]>(playbooks.map((p) => [p.tier, p.rules]));
  const data = await loadPlanData(db, scope, rules, opts);
  const proposals = propose({ accounts: data.accounts, rules, existing: data.existing, today: opts.today, horizonMonths: opts.horizonMonths });
  return { rules, ...data, proposals };
}
