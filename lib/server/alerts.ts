import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { insertTechTouches, webhookReady } from '@/db/queries/tech-touches';
import { smtpUrl } from '@/lib/env';
import { alertCandidates, enabledAlertRules, episodeKey, insertEpisodes, insertRaisedTasks, markPoolAssigned, poolLoad, updateEpisodes, type AlertRule, type Candidate, type NewEpisode, type NewTask } from '@/db/queries/alerts';
import { mappedEvents } from '@/db/queries/alert-match';
import { getWorkspace, type Workspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { conditionKinds, conditionProblems, type AlertCondition } from '@/lib/alerts/conditions';
import { stepEpisode, type EpisodeState } from '@/lib/alerts/episode';
import { pickPoolMember, type PoolMember } from '@/lib/alerts/pool';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { capacityMonth, readMonth } from './capacity';
import { enqueue, enqueueMany, openJobs } from './jobs';

// Evaluates every enabled alert rule for every account (issue 14): the rules
// matched in one pass over the accounts against their open episodes, where
// SQL returns only what may change today (db/queries/alerts.ts
// alertCandidates); each is stepped by lib/alerts/episode.ts (an alert acts
// once per episode) and the changes written set-based. The evaluation runs
// in one transaction under an advisory lock, and at most one episode is open
// per rule and account and one task raised per episode, so two app instances
// evaluating at once never raise a second task. Tasks go to the account's
// owner; pooled accounts' (no owner) to the pool member with the most room
// (lib/alerts/pool.ts). A rule whose first rung is a tech touch queues one per
// episode (an email to the account's contacts or the signed webhook), with its
// job in the same transaction (lib/server/tech-touch.ts sends it), and raises
// the task once the ladder says so.

const lockSpace = 7_140_014; // pg_advisory_xact_lock(space, 0): one evaluator at a time

export type AlertEvaluation = { rules: number; opened: number; closed: number; tasks: number; techTouches: number };

export async function evaluateAlerts(opts: { now?: Date } = {}, conn?: DbOrTx): Promise<AlertEvaluation> {
  const db = conn ?? (await getDb());
  const now = opts.now ?? new Date();
  const workspace = await getWorkspace(db);
  const today = todayIn(workspace.timeZone, now);
  const enabled = await enabledAlertRules(db);
  if (!enabled.length) return { rules: 0, opened: 0, closed: 0, tasks: 0, techTouches: 0 };
  const pool = lazyPool(workspace, now, today);
  const ready = { webhook: await webhookReady(db), smtp: !!smtpUrl() };
  // The queue is opened before a transaction that enqueues (on the embedded database it would wait for the transaction's connection).
  const queueOpen = enabled.some((r) => r.first === 'tech_touch');
  if (queueOpen) await openJobs();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockSpace}, 0)`);
    // The rules again, under the lock: one deleted or changed meanwhile is not evaluated as it was. A rule whose stored
    // conditions would not pass the editor (written some other way) is left out rather than failing every rule.
    // (A rule turned to a tech touch in between waits for the next run if the queue was not opened.)
    const rules = (await enabledAlertRules(tx)).filter((r) => evaluable(r) && (queueOpen || r.first !== 'tech_touch'));
    if (!rules.length) return { rules: 0, opened: 0, closed: 0, tasks: 0, techTouches: 0 };
    // The match is one statement with many expressions over every account: PostgreSQL's JIT compiler spends more on it than it
    // saves (10 s against 4 s run, measured at 100,000 accounts and 20 rules).
    await tx.execute(sql`set local jit = off`);
    const mapped = await mappedEvents(tx);
    const candidates = await alertCandidates(tx, rules, { today, timeZone: workspace.timeZone, mapped });
    return { rules: rules.length, ...(await act(tx, rules, candidates, { today, pool, ready })) };
  });
}

type Context = { today: LocalDate; pool: Pool; ready: { webhook: boolean; smtp: boolean } };

/** Steps each candidate's episode and writes what changed: episodes updated and opened, tech touches queued, tasks raised. */
async function act(tx: Tx, rules: AlertRule[], candidates: Candidate[], { today, pool, ready }: Context) {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const opening: NewEpisode[] = [];
  const changed: (EpisodeState & { id: number })[] = [];
  const raise: { rule: AlertRule; accountId: number; ownerId: number | null; values: Record<string, unknown>; episodeId?: number }[] = [];
  const nudges = new Map<number, number[]>();
  let closed = 0;
  for (const c of candidates) {
    const rule = byId.get(c.ruleId)!;
    const step = stepEpisode(c.episode, c.holds, today, stepRule(rule));
    if (c.episode) {
      if (step.episode && !sameState(step.episode, c.episode)) changed.push({ ...step.episode, id: c.episode.id });
      if (step.closed) closed++;
      if (step.actions.includes('task')) raise.push({ rule, accountId: c.accountId, ownerId: c.ownerId, values: c.values, episodeId: c.episode.id });
    } else if (step.opened) {
      opening.push({ ...step.episode!, ruleId: rule.id, accountId: c.accountId, values: c.values });
      if (step.actions.includes('task')) raise.push({ rule, accountId: c.accountId, ownerId: c.ownerId, values: c.values });
      if (step.actions.includes('tech_touch')) nudges.set(rule.id, [...(nudges.get(rule.id) ?? []), c.accountId]);
    }
  }

  await updateEpisodes(tx, changed);
  const openedIds = await insertEpisodes(tx, opening);
  let techTouches = 0;
  for (const [ruleId, accountIds] of nudges) {
    const episodes = accountIds.flatMap((accountId) => {
      const episodeId = openedIds.get(episodeKey(ruleId, accountId));
      return episodeId === undefined ? [] : [{ accountId, episodeId }];
    });
    techTouches += await sendTechTouches(tx, byId.get(ruleId)!, episodes, ready);
  }
  const tasks: NewTask[] = [];
  const assigned: { userId: number; at: number }[] = [];
  for (const r of raise) {
    const episodeId = r.episodeId ?? openedIds.get(episodeKey(r.rule.id, r.accountId));
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
    tasks.push({ accountId: r.accountId, episodeId, title: r.rule.name, values: { ruleId: r.rule.id, ...r.values }, priority: r.rule.taskPriority, dueOn: addDays(today, r.rule.taskDueDays), ownerId, assignedWhy });
  }
  const raised = await insertRaisedTasks(tx, tasks);
  await markPoolAssigned(tx, assigned);
  return { opened: openedIds.size, closed, tasks: raised, techTouches };
}

function evaluable(rule: AlertRule): boolean {
  const conditions = rule.conditions as AlertCondition[];
  return Array.isArray(conditions) && conditions.every((c) => (conditionKinds as readonly string[]).includes(c?.kind) && Object.keys(conditionProblems(c)).length === 0);
}

function stepRule(rule: AlertRule) {
  return { ladder: { first: rule.first === 'tech_touch' ? ('tech_touch' as const) : ('task' as const), escalateAfterDays: rule.escalateAfterDays }, closeAfterDays: rule.closeAfterDays };
}

/** Queues the episodes' tech touches and their sending jobs, in the rule's transaction: the jobs exist only if the touches do. */
async function sendTechTouches(tx: Tx, rule: AlertRule, episodes: { accountId: number; episodeId: number }[], ready: Context['ready']): Promise<number> {
  if (!episodes.length || !rule.techChannel) return 0;
  const queued = await insertTechTouches(tx, { ...rule, techChannel: rule.techChannel }, episodes, ready);
  if (rule.techChannel === 'email') {
    if (queued.length) await enqueue('tech-touch-email', {}, { tx });
  } else {
    await enqueueMany('tech-touch-webhook', queued.map((t) => ({ id: t.id })), { tx });
  }
  return queued.length;
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
