import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { insertTechTouches, webhookReady } from '@/db/queries/tech-touches';
import { smtpUrl } from '@/lib/env';
import { enabledAlertRules, insertEpisodes, insertRaisedTasks, markPoolAssigned, openEpisodes, poolLoad, ruleMatches, updateEpisodes, type AlertRule, type NewTask } from '@/db/queries/alerts';
import { getWorkspace, type Workspace } from '@/db/queries/workspace';
import { todayIn } from '@/lib/dates';
import { stepEpisode, type EpisodeState } from '@/lib/alerts/episode';
import { pickPoolMember, type PoolMember } from '@/lib/alerts/pool';
import { addDays, type LocalDate } from '@/lib/scheduling/local-date';
import { capacityMonth, readMonth } from './capacity';
import { enqueue, enqueueMany, openJobs } from './jobs';

// Evaluates every enabled alert rule for every account (issue 14): the
// accounts each rule holds for today, against its open episodes, stepped by
// lib/alerts/episode.ts (an alert acts once per episode), then written set-
// based. A rule is evaluated under a transaction-scoped advisory lock, and at
// most one episode is open per rule and account and one task raised per
// episode, so two app instances evaluating at once never raise a second task.
// Tasks go to the account's owner; pooled accounts' (no owner) to the pool
// member with the most room (lib/alerts/pool.ts). A rule whose first rung is a
// tech touch queues one per episode (an email to the account's contacts or
// the signed webhook), with its job in the same transaction
// (lib/server/tech-touch.ts sends it), and raises the task once the ladder
// says so.

const lockSpace = 7_140_014; // pg_advisory_xact_lock(space, rule id): one evaluator per rule at a time

export type AlertEvaluation = { rules: number; opened: number; closed: number; tasks: number; techTouches: number };

export async function evaluateAlerts(opts: { now?: Date } = {}, conn?: DbOrTx): Promise<AlertEvaluation> {
  const db = conn ?? (await getDb());
  const now = opts.now ?? new Date();
  const workspace = await getWorkspace(db);
  const today = todayIn(workspace.timeZone, now);
  const rules = await enabledAlertRules(db);
  const total: AlertEvaluation = { rules: rules.length, opened: 0, closed: 0, tasks: 0, techTouches: 0 };
  const pool = lazyPool(workspace, now, today);
  const ready = { webhook: await webhookReady(db), smtp: !!smtpUrl() };
  // The queue is opened before a transaction that enqueues (on the embedded database it would wait for the transaction's connection).
  if (rules.some((r) => r.first === 'tech_touch')) await openJobs();
  for (const rule of rules) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${lockSpace}, ${rule.id})`);
      return evaluateRule(tx, rule, { today, timeZone: workspace.timeZone, pool, ready });
    });
    total.opened += done.opened;
    total.closed += done.closed;
    total.tasks += done.tasks;
    total.techTouches += done.techTouches;
  }
  return total;
}

type Context = { today: LocalDate; timeZone: string; pool: Pool; ready: { webhook: boolean; smtp: boolean } };

async function evaluateRule(tx: Tx, rule: AlertRule, { today, timeZone, pool, ready }: Context) {
  const [matches, open] = await Promise.all([ruleMatches(tx, rule, today, timeZone), openEpisodes(tx, rule.id)]);
  const matched = new Map(matches.map((m) => [m.accountId, m]));
  const ladder = { first: rule.first === 'tech_touch' ? ('tech_touch' as const) : ('task' as const), escalateAfterDays: rule.escalateAfterDays };
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
  const nudge: number[] = [];
  for (const m of matches) {
    if (hasOpen.has(m.accountId)) continue;
    const step = stepEpisode(null, true, today, stepRule);
    opening.push({ ...step.episode!, accountId: m.accountId, values: m.values });
    if (step.actions.includes('task')) raise.push({ accountId: m.accountId, ownerId: m.ownerId, values: m.values });
    if (step.actions.includes('tech_touch')) nudge.push(m.accountId);
  }

  await updateEpisodes(tx, changed);
  const openedIds = await insertEpisodes(tx, rule.id, opening);
  const techTouches = await sendTechTouches(tx, rule, nudge.flatMap((accountId) => (openedIds.has(accountId) ? [{ accountId, episodeId: openedIds.get(accountId)! }] : [])), ready);
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
  return { opened: openedIds.size, closed, tasks: raised, techTouches };
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
