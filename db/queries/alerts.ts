import { eq, sql } from 'drizzle-orm';
import type { AlertCondition } from '@/lib/alerts/conditions';
import type { EpisodeState } from '@/lib/alerts/episode';
import type { LocalDate } from '@/lib/scheduling/local-date';
import { queryRows, type DbOrTx } from '../client';
import { alertRules } from '../schema';
import { alertMatchSql } from './alert-match';

// Reads and writes of the alert evaluation (lib/server/alerts.ts): a rule's
// matches and open episodes, then its episodes' changes and the tasks they
// raise, each written in one statement whatever their number.

export type AlertRule = typeof alertRules.$inferSelect;

export async function enabledAlertRules(db: DbOrTx): Promise<AlertRule[]> {
  return db.select().from(alertRules).where(eq(alertRules.enabled, true)).orderBy(alertRules.id);
}

export type RuleMatch = { accountId: number; ownerId: number | null; values: Record<string, unknown> };

/** The accounts the rule holds for today, with their owner and the values behind it. */
export async function ruleMatches(db: DbOrTx, rule: Pick<AlertRule, 'conditions' | 'tiers' | 'stages'>, today: LocalDate, timeZone: string): Promise<RuleMatch[]> {
  const scope = { tiers: rule.tiers, stages: rule.stages as never };
  return queryRows<RuleMatch>(
    db,
    sql`select m.account_id as "accountId", a.owner_id as "ownerId", m."values"
        from (${alertMatchSql({ conditions: rule.conditions as AlertCondition[], scope }, today, timeZone)}) m join accounts a on a.id = m.account_id`,
  );
}

export type OpenEpisode = EpisodeState & { id: number; accountId: number; ownerId: number | null; values: Record<string, unknown> };

/** The rule's open episodes (at most one per account). */
export async function openEpisodes(db: DbOrTx, ruleId: number): Promise<OpenEpisode[]> {
  return queryRows<OpenEpisode>(
    db,
    sql`select e.id::int as id, e.account_id as "accountId", a.owner_id as "ownerId", e.values,
          e.opened_on::text as "openedOn", e.tech_touch_on::text as "techTouchOn", e.task_on::text as "taskOn", e.false_since::text as "falseSince",
          e.snoozed_until::text as "snoozedUntil", e.dismissed_on::text as "dismissedOn", e.closed_on::text as "closedOn"
        from alert_episodes e join accounts a on a.id = e.account_id
        where e.rule_id = ${ruleId} and e.closed_on is null`,
  );
}

type EpisodeRow = EpisodeState & { accountId: number; values: Record<string, unknown> };

/** Opens episodes (one per account; an account with an open one already is skipped); their ids by account. */
export async function insertEpisodes(db: DbOrTx, ruleId: number, rows: EpisodeRow[]): Promise<Map<number, number>> {
  if (!rows.length) return new Map();
  const inserted = await queryRows<{ id: number; accountId: number }>(
    db,
    sql`insert into alert_episodes (rule_id, account_id, opened_on, tech_touch_on, task_on, values)
        select ${ruleId}, r.account_id, r.opened_on, r.tech_touch_on, r.task_on, r.values
        from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ account_id: r.accountId, opened_on: r.openedOn, tech_touch_on: r.techTouchOn, task_on: r.taskOn, values: r.values })))}::jsonb)
          as r(account_id int, opened_on date, tech_touch_on date, task_on date, values jsonb)
        on conflict (rule_id, account_id) where closed_on is null do nothing
        returning id::int as id, account_id as "accountId"`,
  );
  return new Map(inserted.map((r) => [r.accountId, r.id]));
}

/** Writes the evaluation's changes to open episodes (false since, closed, escalated). */
export async function updateEpisodes(db: DbOrTx, rows: (EpisodeState & { id: number })[]): Promise<void> {
  if (!rows.length) return;
  await db.execute(sql`
    update alert_episodes e set false_since = r.false_since, closed_on = r.closed_on, task_on = r.task_on, tech_touch_on = r.tech_touch_on, version = e.version + 1
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, false_since: r.falseSince, closed_on: r.closedOn, task_on: r.taskOn, tech_touch_on: r.techTouchOn })))}::jsonb)
      as r(id bigint, false_since date, closed_on date, task_on date, tech_touch_on date)
    where e.id = r.id`);
}

export type NewTask = { accountId: number; episodeId: number; title: string; values: Record<string, unknown>; priority: string; dueOn: LocalDate; ownerId: number | null; assignedWhy: Record<string, unknown> | null };

/** Raises the tasks (at most one per episode: a second evaluator's is dropped); how many were new. */
export async function insertRaisedTasks(db: DbOrTx, rows: NewTask[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await queryRows<{ id: number }>(
    db,
    sql`insert into tasks (account_id, episode_id, title, values, priority, due_on, owner_id, assigned_why)
        select r.account_id, r.episode_id, r.title, r.values, r.priority, r.due_on, r.owner_id, r.assigned_why
        from jsonb_to_recordset(${JSON.stringify(
          rows.map((r) => ({ account_id: r.accountId, episode_id: r.episodeId, title: r.title, values: r.values, priority: r.priority, due_on: r.dueOn, owner_id: r.ownerId, assigned_why: r.assignedWhy })),
        )}::jsonb) as r(account_id int, episode_id bigint, title text, values jsonb, priority text, due_on date, owner_id int, assigned_why jsonb)
        on conflict (episode_id) do nothing
        returning id::int as id`,
  );
  return inserted.length;
}

/** Pool members with their open tasks on pooled accounts and when they last got one. */
export async function poolLoad(db: DbOrTx): Promise<{ userId: number; openPooledTasks: number; lastAssignedAt: number | null }[]> {
  const rows = await queryRows<{ userId: number; open: number; last: string | null }>(
    db,
    sql`select p.user_id as "userId", p.last_assigned_at::text as last,
          (select count(*)::int from tasks t where t.owner_id = p.user_id and t.status = 'open' and t.assigned_why is not null) as open
        from pool_members p join users u on u.id = p.user_id where u.active order by p.user_id`,
  );
  return rows.map((r) => ({ userId: r.userId, openPooledTasks: Number(r.open), lastAssignedAt: r.last ? new Date(r.last).getTime() : null }));
}

/** Records when members last got a pooled task (ties go in turn). */
export async function markPoolAssigned(db: DbOrTx, at: { userId: number; at: number }[]): Promise<void> {
  if (!at.length) return;
  await db.execute(sql`
    update pool_members p set last_assigned_at = r.at
    from jsonb_to_recordset(${JSON.stringify(at.map((a) => ({ user_id: a.userId, at: new Date(a.at).toISOString() })))}::jsonb) as r(user_id int, at timestamptz)
    where p.user_id = r.user_id`);
}
