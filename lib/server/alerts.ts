import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { enabledAlertRules, insertEpisodes, insertRaisedTasks, markPoolAssigned, openEpisodes, poolLoad, ruleMatches, updateEpisodes, type AlertRule, type NewTask } from '@/db/queries/alerts';
import { getWorkspace, type Workspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { stepEpisode, type EpisodeState } from '@/lib/alerts/episode';
import { pickPoolMember, type PoolMember } from '@/lib/alerts/pool';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { capacityMonth, readMonth } from './capacity';

// Evaluates every enabled alert rule for every account (issue 14): the
// accounts each rule holds for today, against its open episodes, stepped by
// lib/alerts/episode.ts (an alert acts once per episode), then written set-
// based. A rule is evaluated under a transaction-scoped advisory lock, and at
// most one episode is open per rule and account and one task raised per
// episode, so two app instances evaluating at once never raise a second task.
// Tasks go to the account's owner; pooled accounts' (no owner) to the pool
// member with the most room (lib/alerts/pool.ts). Rules whose first rung is a
// tech touch wait for the tech-touch channels and are skipped.

const lockSpace = 7_140_014; // pg_advisory_xact_lock(space, rule id): one evaluator per rule at a time

export type AlertEvaluation = { rules: number; opened: number; closed: number; tasks: number };

export async function evaluateAlerts(opts: { now?: Date } = {}, conn?: DbOrTx): Promise<AlertEvaluation> {
  const db = conn ?? (await getDb());
  const now = opts.now ?? new Date();
  const workspace = await getWorkspace(db);
  const today = todayIn(workspace.timeZone, now);
  const rules = (await enabledAlertRules(db)).filter((r) => r.first === 'task');
  const total: AlertEvaluation = { rules: rules.length, opened: 0, closed: 0, tasks: 0 };
  const pool = lazyPool(workspace, now, today);
  for (const rule of rules) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${lockSpace}, ${rule.id})`);
      return evaluateRule(tx, rule, today, workspace.timeZone, pool);
    });
    total.opened += done.opened;
    total.closed += done.closed;
    total.tasks += done.tasks;
  }
  return total;
}

async function evaluateRule(tx: DbOrTx, rule: AlertRule, today: LocalDate, timeZone: string, pool: Pool) {
  const [matches, open] = await Promise.all([ruleMatches(tx, rule, today, timeZone), openEpisodes(tx, rule.id)]);
  const matched = new Map(matches.map((m) => [m.accountId, m]));
  const ladder = { first: rule.first as 'task', escalateAfterDays: rule.escalateAfterDays };
  const stepRule = { ladder, closeAfterDays: rule.closeAfterDays };

  const opening: (EpisodeState & { accountId: number; values: Record<string, unknown> })[] = [];
  const changed: (EpisodeState & { id: number })[] = [];
  const raise: { accountId: number; ownerId: number | null; values: Record<string, unknown>; episodeId?: number }[] = [];
  let closed = 0;
  for (const e of open) {
    const step = stepEpisode(e, matched.has(e.accountId), today, stepRule);
    if (step.episode && !sameState(step.episode, e)) changed.push({ ...step.episode, id: e.id });
    if (step.closed) closed++;
    if (step.actions.includes('task')) raise.push({ accountId: e.accountId, ownerId: e.ownerId, values: matched.get(e.accountId)?.values ?? e.values, episodeId: e.id });
  }
  const hasOpen = new Set(open.map((e) => e.accountId));
  for (const m of matches) {
    if (hasOpen.has(m.accountId)) continue;
    const step = stepEpisode(null, true, today, stepRule);
    opening.push({ ...step.episode!, accountId: m.accountId, values: m.values });
    if (step.actions.includes('task')) raise.push({ accountId: m.accountId, ownerId: m.ownerId, values: m.values });
  }

  await updateEpisodes(tx, changed);
  const openedIds = await insertEpisodes(tx, rule.id, opening);
  const dueOn = addDays(today, rule.taskDueDays);
  const tasks: NewTask[] = [];
  const assigned: { userId: number; at: number }[] = [];
  for (const r of raise) {
    const episodeId = r.episodeId ?? openedIds.get(r.accountId);
    if (episodeId === undefined) continue; // another evaluator opened it first
    let ownerId = r.ownerId;
    let assignedWhy: Record<string, unknown> | null = null;
    if (ownerId === null) {
      const pick = pickPoolMember(await pool.members(tx));
      if (pick) {
        ownerId = pick.userId;
        assignedWhy = { pooled: true, ...pick.reason };
        pool.took(pick.userId);
        assigned.push({ userId: pick.userId, at: Date.now() + assigned.length });
      }
    }
    tasks.push({ accountId: r.accountId, episodeId, title: rule.name, values: { ruleId: rule.id, ...r.values }, priority: rule.taskPriority, dueOn, ownerId, assignedWhy });
  }
  const raised = await insertRaisedTasks(tx, tasks);
  await markPoolAssigned(tx, assigned);
  return { opened: openedIds.size, closed, tasks: raised };
}

function sameState(a: EpisodeState, b: EpisodeState): boolean {
  return a.falseSince === b.falseSince && a.closedOn === b.closedOn && a.taskOn === b.taskOn && a.techTouchOn === b.techTouchOn;
}

type Pool = { members: (tx: DbOrTx) => Promise<PoolMember[]>; took: (userId: number) => void };

/** The pool's members with their free hours this month, read once per evaluation (in the rule's transaction) when a pooled task needs an owner. */
function lazyPool(workspace: Workspace, now: Date, today: LocalDate): Pool {
  let members: PoolMember[] | null = null;
  return {
    async members(db): Promise<PoolMember[]> {
      if (members) return members;
      const load = await poolLoad(db);
      if (!load.length) return (members = []);
      const month = await capacityMonth(db, { month: readMonth(undefined, today), now, workspace, language: 'en', activity: false });
      const free = new Map(month.rows.map((p) => [p.id, p.available - p.owed]));
      const ready: PoolMember[] = load.map((m) => ({ ...m, freeHours: free.get(m.userId) ?? 0 }));
      members = ready;
      return ready;
    },
    took(userId) {
      const m = members?.find((x) => x.userId === userId);
      if (m) {
        m.openPooledTasks++;
        m.lastAssignedAt = Date.now() + m.openPooledTasks;
      }
    },
  };
}
