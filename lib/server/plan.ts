import 'server-only';
import type { DbOrTx } from '@/db/client';
import { loadPlanData, type PlanScope } from '@/db/queries/plan';
import { currentPlaybooks } from '@/db/queries/playbooks';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { maxTolerance, planWindow, propose, type PlanRule } from '@/lib/planning/propose';
import { workspaceCalendar } from '@/lib/server/working-calendar';
import { activityRules } from '@/lib/playbooks/rule-target';

/**
 * The current playbooks, the accounts in scope with their activities, the
 * workspace's working days over the window, and what the plan proposes.
 * `language` names the holidays a proposal moved for (English unless given).
 */
export async function planFor(db: DbOrTx, scope: PlanScope, opts: { today: LocalDate; horizonMonths: number; timeZone: string; language?: string }) {
  const playbooks = await currentPlaybooks(db);
  // Plan from playbook books activities: touch-kind rules are met by the ledger, not by booking.
  const rules = new Map<number, PlanRule[]>(playbooks.map((p) => [p.tier, activityRules(p.rules)]));
  const { lastDay } = planWindow(opts.today, opts.horizonMonths);
  // A proposal may move past a closure, and a full day a few working days further.
  const [data, calendar] = await Promise.all([
    loadPlanData(db, scope, rules, opts),
    workspaceCalendar(db, { from: addDays(opts.today, -maxTolerance([...rules.values()].flat())), to: addDays(lastDay, 30), language: opts.language ?? 'en' }),
  ]);
  const proposals = propose({ accounts: data.accounts, rules, existing: data.existing, today: opts.today, horizonMonths: opts.horizonMonths, calendar });
  return { rules, ...data, calendar, proposals };
}
